using System.Net;
using Luoshi.Features.Record;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Record;

/// <summary>The office's check in a request starts at the last intact point; the full re-check from the
/// first entry runs as a job with its progress and result on a page of its own.</summary>
public class RecordCheckTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static async Task<Bureau> BureauWithSealedReportsAsync(string db, params int[] percents)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        foreach (var percent in percents)
        {
            await RecordTests.ReportAsync(staff, task.Id, percent);
        }

        await RecordTests.SealAsync(b);
        return b;
    }

    private static async Task<string> CheckInRequestAsync(PageClient admin) =>
        await (await admin.PostFormAsync("/Admin/Record?handler=Verify", [], formPage: "/Admin/Record")).Content.ReadAsStringAsync();

    private static async Task<RecordCheck> RunFullCheckAsync(Bureau b, long id)
    {
        var job = b.App.Services.GetRequiredService<RecordFullCheckJob>();
        // Other tests' checks may be waiting on this app too: run until this one has ended.
        for (var i = 0; i < 50; i++)
        {
            var check = await b.WithDbAsync(d => d.Set<RecordCheck>().AsNoTracking().SingleAsync(c => c.Id == id));
            if (check.Finished)
            {
                return check;
            }

            await job.RunNextAsync(CancellationToken.None);
        }

        throw new Xunit.Sdk.XunitException($"全面复核 {id} 未结束");
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheCheckInARequestStartsAtTheLastIntactPointAndCatchesAnEditAfterIt(string db)
    {
        var b = await BureauWithSealedReportsAsync(db, 10, 20);
        var admin = await b.PagesAsync("admin");
        Assert.Contains("记录链完整：2 条", await CheckInRequestAsync(admin));
        var point = await b.WithDbAsync(d => d.Set<RecordCheckpoint>().SingleAsync(c => c.UnitId == b.UnitId));
        Assert.Equal((2L, false, b.Person("admin")), (point.Seq, point.Full, point.ByPersonId));

        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        await RecordTests.ReportAsync(await b.ApiAsync("staffA"), task.Id, 30);
        await RecordTests.SealAsync(b);
        Assert.Contains("记录链完整：自第 3 条起新增 1 条", await CheckInRequestAsync(admin));
        Assert.Equal(3L, (await b.WithDbAsync(d => RecordCheckpoints.LatestAsync(d, b.UnitId, CancellationToken.None)))!.Seq);

        await RecordTests.ReportAsync(await b.ApiAsync("staffA"), task.Id, 40);
        await RecordTests.SealAsync(b);
        await RecordTests.SqlAsync(b, $"""UPDATE "RecordEntries" SET "Content" = REPLACE("Content", '"percent":40', '"percent":90') WHERE "UnitId" = {b.UnitId} AND "Seq" = 4""");
        var page = await CheckInRequestAsync(admin);
        Assert.Contains("记录链被改动", page);
        Assert.Contains("第 4 条", page);
        Assert.Contains("内容与其哈希不符", page);
        // A broken check moves no point on.
        Assert.Equal(3L, (await b.WithDbAsync(d => RecordCheckpoints.LatestAsync(d, b.UnitId, CancellationToken.None)))!.Seq);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnEditBeforeTheLastIntactPointIsLeftToTheFullCheckWhichNamesTheEntry(string db)
    {
        var b = await BureauWithSealedReportsAsync(db, 10, 20, 30);
        var admin = await b.PagesAsync("admin");
        Assert.Contains("记录链完整：3 条", await CheckInRequestAsync(admin));
        await RecordTests.SqlAsync(b, $"""UPDATE "RecordEntries" SET "Content" = REPLACE("Content", '"percent":20', '"percent":95') WHERE "UnitId" = {b.UnitId} AND "Seq" = 2""");
        var entryId = await b.WithDbAsync(d => d.RecordEntries.Where(e => e.UnitId == b.UnitId && e.Seq == 2).Select(e => e.Id).SingleAsync());

        // Nothing was sealed since: the request's check has nothing new to walk, and says so.
        Assert.Contains("记录链完整：自第 4 条起新增 0 条", await CheckInRequestAsync(admin));

        var queued = await admin.PostFormAsync("/Admin/Record?handler=FullCheck", [], formPage: "/Admin/Record");
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        var location = queued.Headers.Location!.OriginalString;
        Assert.StartsWith("/Admin/Record/Checks/", location, StringComparison.Ordinal);
        var id = long.Parse(location["/Admin/Record/Checks/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("排队等待中", await admin.GetHtmlAsync(location));
        Assert.Contains("http-equiv=\"refresh\"", await admin.GetHtmlAsync(location));
        // A second click while it waits shows the same check.
        Assert.Equal(location, (await admin.PostFormAsync("/Admin/Record?handler=FullCheck", [], formPage: "/Admin/Record")).Headers.Location!.OriginalString);

        var check = await RunFullCheckAsync(b, id);
        Assert.Equal(RecordCheckState.Broken, check.State);
        Assert.Equal((2L, entryId, 3L, 3L), (check.FirstSeq, check.FirstEntryId, check.Done, check.Total));
        Assert.Contains("内容与其哈希不符", check.FirstWhat);
        var result = await admin.GetHtmlAsync(location);
        Assert.Contains("记录链被改动", result);
        Assert.Contains($"条目编号 {entryId}", result);
        Assert.DoesNotContain("http-equiv=\"refresh\"", result);
        // Another unit's office does not see it.
        var other = await Bureau.CreateAsync(db);
        Assert.Equal(HttpStatusCode.NotFound, (await (await other.PagesAsync("admin")).GetAsync(location)).StatusCode);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnIntactFullCheckMovesTheStartingPointToTheChainEnd(string db)
    {
        var b = await BureauWithSealedReportsAsync(db, 10, 20);
        var (id, queued) = await b.WithDbAsync(d => RecordFullChecks.QueueAsync(d, b.UnitId, b.Person("admin"), DateTime.UtcNow, CancellationToken.None));
        Assert.True(queued);

        var check = await RunFullCheckAsync(b, id);
        Assert.Equal((RecordCheckState.Intact, 2L, 2L, 0), (check.State, check.Done, check.Total, check.BrokenCount));
        var point = await b.WithDbAsync(d => RecordCheckpoints.LatestAsync(d, b.UnitId, CancellationToken.None));
        Assert.Equal((2L, true), (point!.Seq, point.Full));
        var admin = await b.PagesAsync("admin");
        var page = await admin.GetHtmlAsync($"/Admin/Record/Checks/{id}");
        Assert.Contains("共核对 2 条", page);
        // The times in the page's sentence are written as prose writes them, in Beijing time.
        var queuedAt = TimeZoneInfo.ConvertTimeFromUtc(check.QueuedAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var formal = $"{queuedAt.Year}年{queuedAt.Month}月{queuedAt.Day}日 " + queuedAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(formal + " 排队", page);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", page);
        Assert.Contains($"（{formal}）", await admin.GetHtmlAsync("/Admin/Record"));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task WithGuomiTheCheckInARequestChecksTheSm2SealsSinceTheLastPoint(string db)
    {
        var b = await Bureau.CreateAsync("guomi-" + db);
        var signer = b.App.Services.GetRequiredService<UnitSigner>();
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        await RecordTests.ReportAsync(staff, task.Id, 10);
        await b.WithDbAsync(d => RecordSealer.SealAsync(d, b.UnitId, signer));
        var admin = await b.PagesAsync("admin");
        Assert.Contains("记录链完整：1 条", await CheckInRequestAsync(admin));

        await RecordTests.ReportAsync(staff, task.Id, 20);
        await b.WithDbAsync(d => RecordSealer.SealAsync(d, b.UnitId, signer));
        Assert.Equal(RecordHashing.Sm3, await b.WithDbAsync(d => d.RecordEntries.Where(e => e.UnitId == b.UnitId && e.Seq == 2).Select(e => e.Hashing).SingleAsync()));
        // The second seal's signature deleted: its SM3 entry is under no signed end.
        await RecordTests.SqlAsync(b, $"""DELETE FROM "RecordSeals" WHERE "UnitId" = {b.UnitId} AND "Seq" = 2""");
        var page = await CheckInRequestAsync(admin);
        Assert.Contains("不在任何 SM2 签名的链尾之下", page);
    }
}
