using System.Net;
using System.Net.Http.Json;
using Luoshi.Commands;
using Luoshi.Features.Record;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Record;

/// <summary>The tamper-evident record: what the app records, and what <c>verify</c> catches when the
/// database is changed behind the app's back.</summary>
public class RecordTests
{
    private static readonly DateOnly Today = TestApp.Today;

    internal static async Task<long> ReportAsync(HttpClient staff, int taskId, int percent)
    {
        var response = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/reports", new { progress = $"完成{percent}%", percent });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
    }

    /// <summary>What the scheduler does every few seconds: link the written entries into the chain.</summary>
    // This bureau's chain only: sealing every unit would seal other tests' entries while they still
    // count on them being unsealed (tests share one app per database).
    internal static Task<int> SealAsync(Bureau b) => b.WithDbAsync(d => RecordSealer.SealAsync(d, b.UnitId));

    internal static Task<Verification> VerifyAsync(Bureau b) => b.WithDbAsync(d => Verifier.VerifyAsync(d, b.UnitId, CancellationToken.None));

    internal static Task<int> SqlAsync(Bureau b, FormattableString sql) => b.WithDbAsync(d => d.Database.ExecuteSqlAsync(sql));

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ReportsExtensionsAndCompletionDecisionsAreChainedInOrderAndVerify(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(10), change: t => t.LeadLeaderId = b.Person("leader"));
        var staff = await b.ApiAsync("staffA");
        var reportId = await ReportAsync(staff, task.Id, 30);
        var asked = await (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/extensions", new { newDueDate = Today.AddDays(30), reason = "资金未到位" })).ReadJsonAsync();
        var extensionId = asked.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await (await b.ApiAsync("leader")).PostAsJsonAsync($"/api/extensions/{extensionId}/decision", new { approve = true })).StatusCode);
        await Requests.RequestsTests.CompleteAsync(b, task.Id);
        Assert.All(await b.WithDbAsync(d => d.RecordEntries.Where(e => e.UnitId == b.UnitId).ToListAsync()), e => Assert.Null(e.Seq));
        await SealAsync(b);

        var entries = await b.WithDbAsync(d => d.RecordEntries.Where(e => e.UnitId == b.UnitId).OrderBy(e => e.Seq).ToListAsync());
        Assert.Equal(["report", "extension-request", "extension-decision", "report", "completion-request", "completion-decision"], entries.Select(e => e.Kind));
        Assert.Equal([1L, 2, 3, 4, 5, 6], entries.Select(e => e.Seq!.Value));
        Assert.Equal($"report:{reportId}", entries[0].EntityKey);
        Assert.Equal(RecordChain.Genesis, entries[0].PreviousHash);
        Assert.All(entries.Skip(1), (e, i) => Assert.Equal(entries[i].Hash, e.PreviousHash));
        Assert.Contains("\"percent\":30", entries[0].Content);
        Assert.Contains("\"status\":\"Approved\"", entries[2].Content);

        var verification = await VerifyAsync(b);
        Assert.True(verification.Intact, verification.FirstBroken?.ToString());
        Assert.Equal(6, verification.Entries);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AReportEditedDirectlyInTheDatabaseIsCaughtAndNamed(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        await ReportAsync(staff, task.Id, 20);
        var edited = await ReportAsync(staff, task.Id, 40);
        await SealAsync(b);

        await SqlAsync(b, $"""UPDATE "Reports" SET "Percent" = 100 WHERE "Id" = {edited}""");

        var broken = (await VerifyAsync(b)).FirstBroken;
        Assert.NotNull(broken);
        Assert.Equal(((long?)2, $"report:{edited}"), (broken.Seq, broken.EntityKey));
        Assert.Contains("percent: 40 → 100", broken.What);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AReportEditedBeforeItsEntryIsSealedIsCaughtByTheEntrysContent(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var edited = await ReportAsync(await b.ApiAsync("staffA"), task.Id, 40);

        await SqlAsync(b, $"""UPDATE "Reports" SET "Percent" = 100 WHERE "Id" = {edited}""");

        var verification = await VerifyAsync(b);
        Assert.Equal(1, verification.Pending);
        Assert.Equal((null, $"report:{edited}"), (verification.FirstBroken?.Seq, verification.FirstBroken?.EntityKey));
        Assert.Contains("待封存条目", verification.FirstBroken!.ToString());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AReportDeletedDirectlyInTheDatabaseIsCaught(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var deleted = await ReportAsync(await b.ApiAsync("staffA"), task.Id, 20);

        await SqlAsync(b, $"""DELETE FROM "Reports" WHERE "Id" = {deleted}""");

        var broken = (await VerifyAsync(b)).FirstBroken;
        Assert.Equal($"report:{deleted}", broken?.EntityKey);
        Assert.Contains("被删除", broken!.What);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnEntryWhoseContentIsEditedIsCaught(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        await ReportAsync(await b.ApiAsync("staffA"), task.Id, 20);
        await SealAsync(b);

        await SqlAsync(b, $"""UPDATE "RecordEntries" SET "Content" = REPLACE("Content", '"percent":20', '"percent":90') WHERE "UnitId" = {b.UnitId} AND "Seq" = 1""");

        var broken = (await VerifyAsync(b)).FirstBroken;
        Assert.Equal(1L, broken?.Seq);
        Assert.Contains("内容与其哈希不符", broken!.What);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ADeletedEntryIsCaughtInTheMiddleAndAtTheEnd(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        foreach (var percent in new[] { 10, 20, 30, 40 })
        {
            await ReportAsync(staff, task.Id, percent);
        }

        await SealAsync(b);
        await SqlAsync(b, $"""DELETE FROM "RecordEntries" WHERE "UnitId" = {b.UnitId} AND "Seq" = 4""");
        var atTheEnd = (await VerifyAsync(b)).FirstBroken;
        Assert.Equal(3L, atTheEnd?.Seq);
        Assert.Contains("末尾条目被删除", atTheEnd!.What);

        await SqlAsync(b, $"""DELETE FROM "RecordEntries" WHERE "UnitId" = {b.UnitId} AND "Seq" = 2""");
        var inTheMiddle = (await VerifyAsync(b)).FirstBroken;
        Assert.Equal(3L, inTheMiddle?.Seq);
        Assert.Contains("第 2 条至第 2 条缺失", inTheMiddle!.What);
    }

    /// <summary>The full check reads a unit's record a page at a time (it keeps a small mark per recorded row,
    /// not the entries' contents): breaks on any page, and rows whose entries lie on earlier pages, are
    /// named as when the record is read at once.</summary>
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ARecordReadAPageAtATimeNamesEveryBreakItWouldNameReadAtOnce(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        var reports = new List<long>();
        for (var percent = 5; percent <= 50; percent += 5)
        {
            reports.Add(await ReportAsync(staff, task.Id, percent));
        }

        await SealAsync(b);
        Task<Verification> InPagesOf(int size) => b.WithDbAsync(d => Verifier.VerifyAsync(d, b.UnitId, CancellationToken.None, pageSize: size));
        var intact = await InPagesOf(3);
        Assert.True(intact.Intact, intact.FirstBroken?.ToString());
        Assert.Equal((await VerifyAsync(b)).Entries, intact.Entries);

        // The first report's row (its entry on the first page), an entry's content on the second, a gap on the third.
        await SqlAsync(b, $"""UPDATE "Reports" SET "Percent" = 99 WHERE "Id" = {reports[0]}""");
        var fifth = await b.WithDbAsync(d => d.RecordEntries.Where(e => e.UnitId == b.UnitId && e.EntityKey == "report:" + reports[4]).Select(e => e.Seq).SingleAsync());
        await SqlAsync(b, $"""UPDATE "RecordEntries" SET "Content" = REPLACE("Content", '"percent":25', '"percent":75') WHERE "UnitId" = {b.UnitId} AND "Seq" = {fifth}""");
        await SqlAsync(b, $"""DELETE FROM "RecordEntries" WHERE "UnitId" = {b.UnitId} AND "Seq" = {fifth + 3}""");

        var atOnce = (await VerifyAsync(b)).Broken.Select(x => x.ToString()).ToList();
        var inPages = (await InPagesOf(3)).Broken.Select(x => x.ToString()).ToList();
        Assert.Equal(atOnce, inPages);
        Assert.Contains(inPages, x => x.Contains($"report:{reports[0]}") && x.Contains("percent: 5 → 99"));
        Assert.Contains(inPages, x => x.Contains($"第 {fifth} 条") && x.Contains("内容与其哈希不符"));
        Assert.Contains(inPages, x => x.Contains($"第 {fifth + 3} 条至第 {fifth + 3} 条缺失"));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheAppRefusesToChangeOrDeleteAnEntry(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        await ReportAsync(await b.ApiAsync("staffA"), task.Id, 20);

        await b.WithDbAsync(async d =>
        {
            var entry = await d.RecordEntries.SingleAsync(e => e.UnitId == b.UnitId);
            entry.Content = "{}";
            await Assert.ThrowsAsync<InvalidOperationException>(() => d.SaveChangesAsync());
            d.Entry(entry).State = EntityState.Deleted;
            return await Assert.ThrowsAsync<InvalidOperationException>(() => d.SaveChangesAsync());
        });

        Assert.True((await VerifyAsync(b)).Intact);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TwentyReportsSubmittedAtOnceMakeOneUnbrokenChain(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var tasks = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            tasks.Add((await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100))).Id);
        }

        var staff = await b.ApiAsync("staffA");
        // Reports and two sealers (two instances) at once.
        await Task.WhenAll([.. tasks.Select(t => (Task)ReportAsync(staff, t, 50)), SealAsync(b), SealAsync(b)]);
        await Task.WhenAll(SealAsync(b), SealAsync(b));

        var verification = await VerifyAsync(b);
        Assert.True(verification.Intact, verification.FirstBroken?.ToString());
        Assert.Equal(20, verification.Entries);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheVerifyCommandExitsZeroWhenIntactAndOneNamingTheBrokenEntry(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var reportId = await ReportAsync(await b.ApiAsync("staffA"), task.Id, 20);
        await SealAsync(b);
        string[] args = ["--unit", b.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"--ConnectionStrings:Luoshi={b.App.ConnectionString}", $"--Record:AnchorFile={b.App.AnchorFile}"];

        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await VerifyCommand.RunAsync(args, output, error));
        Assert.Contains("记录链完整：1 条", output.ToString());

        await SqlAsync(b, $"""UPDATE "Reports" SET "Progress" = '全部完成' WHERE "Id" = {reportId}""");
        Assert.Equal(1, await VerifyCommand.RunAsync(args, output, error));
        Assert.Contains($"单位 {b.UnitId} 第 1 条（report，report:{reportId}）", error.ToString());

        Assert.Equal(0, await VerifyCommand.RunAsync(["--help"], output, error));
    }
}

public class RecordPageTests
{
    private static async Task<(Bureau, long ReportId)> BureauWithAReportAsync()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var task = await b.TaskAsync(b.SectionA, TestApp.Today.AddDays(-20), TestApp.Today.AddDays(100));
        var reported = await (await b.ApiAsync("staffA")).PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "完成10%", percent = 10 });
        return (b, (await reported.ReadJsonAsync()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task TheOfficeSeesItsUnitsRecordInChineseAndBureauTimeAndChecksIt()
    {
        var (b, reportId) = await BureauWithAReportAsync();

        var admin = await b.PagesAsync("admin");
        Assert.Contains("待封存", await admin.GetHtmlAsync("/Admin/Record"));
        await RecordTests.SealAsync(b);
        var sealedPage = await admin.GetHtmlAsync("/Admin/Record");
        Assert.Contains("<td>进展报告</td>", sealedPage);
        Assert.Contains($"进展报告 #{reportId}", sealedPage);
        var at = await b.WithDbAsync(d => d.RecordEntries.Where(e => e.UnitId == b.UnitId).Select(e => e.At).SingleAsync());
        Assert.Contains(at.AddHours(8).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), sealedPage); // Beijing, not UTC
        var checkedPage = await admin.PostFormAsync("/Admin/Record?handler=Verify", [], formPage: "/Admin/Record");
        Assert.Contains("记录链完整：1 条", await checkedPage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await b.PagesAsync("staffA")).GetAsync("/Admin/Record")).StatusCode);
    }

    [Fact]
    public async Task TheOfficeSeesWhichReportWasEditedInChinese()
    {
        var (b, reportId) = await BureauWithAReportAsync();
        await RecordTests.SealAsync(b);
        await b.WithDbAsync(d => d.Database.ExecuteSqlAsync($"""UPDATE "Reports" SET "Percent" = 90 WHERE "Id" = {reportId}"""));

        var admin = await b.PagesAsync("admin");
        var page = await (await admin.PostFormAsync("/Admin/Record?handler=Verify", [], formPage: "/Admin/Record")).Content.ReadAsStringAsync();

        Assert.Contains("记录链被改动：共 1 处不符", page);
        Assert.Contains($"<li>第 1 条（进展报告，进展报告 #{reportId}）", page);
        Assert.Contains("<code>percent: 10 → 90</code>", page);
    }
}
