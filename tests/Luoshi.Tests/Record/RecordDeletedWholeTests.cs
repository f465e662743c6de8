using Luoshi.Commands;
using Luoshi.Features.Record;
using Luoshi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Luoshi.Tests.Record.RecordTests;

namespace Luoshi.Tests.Record;

/// <summary>Issue 17: the record deleted whole. With the rows still there, verify needs no anchor (the
/// record's start is kept apart from the entries); with the rows gone too, the anchor file names the
/// head that is gone.</summary>
public class RecordDeletedWholeTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static async Task<(Bureau, List<long> Reports)> FourSealedReportsAsync(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        var reports = new List<long>();
        foreach (var percent in new[] { 10, 20, 30, 40 })
        {
            reports.Add(await ReportAsync(staff, task.Id, percent));
        }

        await SealAsync(b);
        return (b, reports);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task EveryEntryAndTheHeadDeletedWhileTheReportsRemainIsCaughtWithoutAnAnchor(string db)
    {
        var (b, reports) = await FourSealedReportsAsync(db);
        Assert.True((await VerifyAsync(b)).Intact);

        await SqlAsync(b, $"""DELETE FROM "RecordEntries" WHERE "UnitId" = {b.UnitId}""");
        await SqlAsync(b, $"""DELETE FROM "RecordHeads" WHERE "UnitId" = {b.UnitId}""");

        // No anchor given, none in the file: every break is still named, the head and each report.
        var broken = (await VerifyAsync(b)).Broken;
        Assert.Contains(broken, x => x.What.Contains("整个记录被删除", StringComparison.Ordinal));
        foreach (var id in reports)
        {
            Assert.Contains(broken, x => x.EntityKey == $"report:{id}" && x.Unrecorded);
        }

        Assert.Equal(reports.Count + 1, broken.Count);
        var error = new StringWriter();
        Assert.Equal(1, await VerifyCommand.RunAsync(Args(b), new StringWriter(), error));
        Assert.Contains("整个记录被删除", error.ToString());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheRecordItsStartAndEveryRecordedRowDeletedAreCaughtByTheAnchorFile(string db)
    {
        var (b, _) = await FourSealedReportsAsync(db);
        var anchorer = b.App.Services.GetRequiredService<RecordAnchorer>();
        await b.WithDbAsync(d => anchorer.AnchorAsync(d, CancellationToken.None, force: true));

        // Everything inside the database that could tell: the reports, the entries, the head, the start marks.
        await SqlAsync(b, $"""DELETE FROM "Reports" WHERE "UnitId" = {b.UnitId}""");
        await SqlAsync(b, $"""DELETE FROM "RecordEntries" WHERE "UnitId" = {b.UnitId}""");
        await SqlAsync(b, $"""DELETE FROM "RecordHeads" WHERE "UnitId" = {b.UnitId}""");
        await SqlAsync(b, $"""DELETE FROM "RecordStarts" WHERE "UnitId" = {b.UnitId}""");
        Assert.True((await VerifyAsync(b)).Intact);

        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(1, await VerifyCommand.RunAsync(Args(b, "--anchor-file", anchorer.File), output, error));
        Assert.Contains("链上最后是第 0 条，落后于锚点第 4 条", error.ToString());
        Assert.Contains("第 1 条至第 4 条缺失", error.ToString());
    }

    private static string[] Args(Bureau b, params string[] more) =>
        ["--unit", b.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"--ConnectionStrings:Luoshi={b.App.ConnectionString}", $"--Record:AnchorFile={b.App.AnchorFile}", .. more];
}
