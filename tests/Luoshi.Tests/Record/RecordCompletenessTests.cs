using Luoshi.Commands;
using Luoshi.Tests.Infrastructure;
using static Luoshi.Tests.Record.RecordTests;

namespace Luoshi.Tests.Record;

/// <summary>Verify names every break, and deletions on either side: an entry whose row is gone, and a
/// recorded row whose entry is gone.</summary>
public class RecordCompletenessTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task EveryBrokenEntryIsNamedNotOnlyTheFirst(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        var first = await ReportAsync(staff, task.Id, 10);
        await ReportAsync(staff, task.Id, 20);
        var third = await ReportAsync(staff, task.Id, 30);
        await SealAsync(b);

        await SqlAsync(b, $"""UPDATE "Reports" SET "Percent" = 99 WHERE "Id" = {first} OR "Id" = {third}""");

        var broken = (await VerifyAsync(b)).Broken;
        Assert.Equal([(1L, $"report:{first}"), (3L, $"report:{third}")], broken.Select(x => (x.Seq!.Value, x.EntityKey)));
        string[] args = ["--unit", b.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"--ConnectionStrings:Luoshi={b.App.ConnectionString}", $"--Record:AnchorFile={b.App.AnchorFile}"];
        var error = new StringWriter();
        Assert.Equal(1, await VerifyCommand.RunAsync(args, new StringWriter(), error));
        Assert.Contains("2 处不符", error.ToString());
        Assert.Contains($"第 1 条（report，report:{first}）", error.ToString());
        Assert.Contains($"第 3 条（report，report:{third}）", error.ToString());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ARecordedRowWhoseEntryWasDeletedIsNamed(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        await ReportAsync(staff, task.Id, 10);
        var orphan = await ReportAsync(staff, task.Id, 20);

        // Before sealing, so the chain itself has no gap to show for it.
        await SqlAsync(b, $"""DELETE FROM "RecordEntries" WHERE "EntityKey" = {$"report:{orphan}"}""");
        await SealAsync(b);

        var broken = Assert.Single((await VerifyAsync(b)).Broken);
        Assert.Equal($"report:{orphan}", broken.EntityKey);
        Assert.Contains($"无条目（-，report:{orphan}）", broken.ToString());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task RowsSavedBeforeTheRecordExistedAreNotFlagged(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        var older = await ReportAsync(staff, task.Id, 10);
        // As an older database has it: the report is there, its entry never was.
        await SqlAsync(b, $"""DELETE FROM "RecordEntries" WHERE "EntityKey" = {$"report:{older}"}""");
        await ReportAsync(staff, task.Id, 20);
        await SealAsync(b);

        var verification = await VerifyAsync(b);
        Assert.True(verification.Intact, verification.FirstBroken?.ToString());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnEntryAndItsRowDeletedTogetherAreBothNamed(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        await ReportAsync(staff, task.Id, 10);
        var gone = await ReportAsync(staff, task.Id, 20);
        var rowless = await ReportAsync(staff, task.Id, 30);
        await ReportAsync(staff, task.Id, 40);
        await SealAsync(b);

        await SqlAsync(b, $"""DELETE FROM "RecordEntries" WHERE "EntityKey" = {$"report:{gone}"}""");
        await SqlAsync(b, $"""DELETE FROM "Reports" WHERE "Id" = {rowless}""");

        var broken = (await VerifyAsync(b)).Broken;
        Assert.Contains(broken, x => x.Seq == 3 && x.What.Contains("第 2 条至第 2 条缺失", StringComparison.Ordinal));
        Assert.Contains(broken, x => x.EntityKey == $"report:{rowless}" && x.What.Contains("被删除", StringComparison.Ordinal));
        Assert.Contains(broken, x => x.EntityKey == $"report:{gone}" && x.Unrecorded);
    }
}
