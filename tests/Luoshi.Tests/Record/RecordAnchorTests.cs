using Luoshi.Commands;
using Luoshi.Features.Record;
using Luoshi.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Luoshi.Tests.Record.RecordTests;

namespace Luoshi.Tests.Record;

/// <summary>The chain end kept outside the database: deleting the last entries and moving the head
/// back, or deleting the whole record, cannot be done consistently with what was written down.</summary>
public class RecordAnchorTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static async Task<Bureau> FourSealedReportsAsync(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        foreach (var percent in new[] { 10, 20, 30, 40 })
        {
            await ReportAsync(staff, task.Id, percent);
        }

        await SealAsync(b);
        return b;
    }

    private static Task<Anchor> HeadAsync(Bureau b) => b.WithDbAsync(async d =>
    {
        var head = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(d.RecordHeads, h => h.UnitId == b.UnitId);
        return new Anchor(head.UnitId, head.Seq, head.Hash);
    });

    private static string[] Args(Bureau b, params string[] more) =>
        ["--unit", b.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"--ConnectionStrings:Luoshi={b.App.ConnectionString}", $"--Record:AnchorFile={b.App.AnchorFile}", .. more];

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task DeletingTheLastEntriesAndMovingTheHeadBackFailsAgainstTheAnchorNamingTheMissingTail(string db)
    {
        var b = await FourSealedReportsAsync(db);
        var anchor = await HeadAsync(b);
        var second = await b.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(d.RecordEntries, e => e.UnitId == b.UnitId && e.Seq == 2));

        // The last two entries and their reports deleted, and the head moved back to match: consistent inside the database.
        await SqlAsync(b, $"""DELETE FROM "Reports" WHERE "Id" IN (SELECT CAST(SUBSTR("EntityKey", 8) AS INTEGER) FROM "RecordEntries" WHERE "UnitId" = {b.UnitId} AND "Seq" > 2)""");
        await SqlAsync(b, $"""DELETE FROM "RecordEntries" WHERE "UnitId" = {b.UnitId} AND "Seq" > 2""");
        await SqlAsync(b, $"""UPDATE "RecordHeads" SET "Seq" = 2, "Hash" = {second.Hash} WHERE "UnitId" = {b.UnitId}""");
        Assert.True((await VerifyAsync(b)).Intact);

        var broken = Assert.Single((await b.WithDbAsync(d => Verifier.VerifyAsync(d, b.UnitId, CancellationToken.None, [anchor]))).Broken);
        Assert.Contains("第 3 条至第 4 条缺失", broken.What);
        var error = new StringWriter();
        Assert.Equal(1, await VerifyCommand.RunAsync(Args(b, "--anchor", anchor.Token), new StringWriter(), error));
        Assert.Contains($"落后于锚点第 4 条（{anchor.Token}）", error.ToString());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task DeletingTheWholeRecordIsCaughtByTheAnchorFileTheSealerWrites(string db)
    {
        var b = await FourSealedReportsAsync(db);
        var anchorer = b.App.Services.GetRequiredService<RecordAnchorer>();
        await b.WithDbAsync(d => anchorer.AnchorAsync(d, CancellationToken.None, force: true));
        var anchor = await HeadAsync(b);
        Assert.Contains(File.ReadLines(anchorer.File), l => l.StartsWith($"{b.UnitId} 4 {anchor.Hash} ", StringComparison.Ordinal));

        await SqlAsync(b, $"""DELETE FROM "RecordEntries" WHERE "UnitId" = {b.UnitId}""");
        await SqlAsync(b, $"""DELETE FROM "RecordHeads" WHERE "UnitId" = {b.UnitId}""");

        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(1, await VerifyCommand.RunAsync(Args(b, "--anchor-file", anchorer.File), output, error));
        Assert.Contains("链上最后是第 0 条", error.ToString());
        Assert.Contains("第 1 条至第 4 条缺失", error.ToString());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnIntactChainPassesItsAnchorAndARewrittenOneDoesNot(string db)
    {
        var b = await FourSealedReportsAsync(db);
        var anchor = await HeadAsync(b);
        var output = new StringWriter();
        Assert.Equal(0, await VerifyCommand.RunAsync(Args(b, "--anchor", anchor.Token), output, new StringWriter()));
        Assert.Contains("已核对", output.ToString());

        var forged = anchor with { Hash = new string('a', 16) };
        var broken = Assert.Single((await b.WithDbAsync(d => Verifier.VerifyAsync(d, b.UnitId, CancellationToken.None, [forged]))).Broken);
        Assert.Contains("哈希与锚点", broken.What);
    }

    [Fact]
    public async Task TheRecordPageShowsTheChainEndAsAShortHashToWriteDown()
    {
        var b = await FourSealedReportsAsync("sqlite");
        var anchor = await HeadAsync(b);

        var page = await (await b.PagesAsync("admin")).GetHtmlAsync("/Admin/Record");

        Assert.Contains($"<code>{anchor.Token}</code>", page);
        Assert.Equal(anchor with { Hash = anchor.Hash[..16] }, Anchor.Parse(anchor.Token));
    }
}

public class RecordAnchorerTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheSealerAnchorsAMovedHeadOnceAndThenWaitsItsInterval(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, TestApp.Today.AddDays(-20), TestApp.Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        await ReportAsync(staff, task.Id, 10);
        await SealAsync(b);
        var file = Path.Combine(Directory.CreateTempSubdirectory("luoshi-anchor-").FullName, "anchors.log");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Record:AnchorFile"] = file, ["Record:AnchorMinutes"] = "10",
        }).Build();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        using var anchorer = new RecordAnchorer(config, b.App.Services.GetRequiredService<IHostEnvironment>(), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<RecordAnchorer>.Instance);
        int Lines() => File.ReadLines(file).Count(l => l.StartsWith($"{b.UnitId} ", StringComparison.Ordinal));

        await b.WithDbAsync(d => anchorer.AnchorAsync(d, CancellationToken.None));
        Assert.Equal(1, Lines());
        await ReportAsync(staff, task.Id, 20);
        await SealAsync(b);
        await b.WithDbAsync(d => anchorer.AnchorAsync(d, CancellationToken.None));
        Assert.Equal(1, Lines()); // not yet: at most every ten minutes

        clock.Advance(TimeSpan.FromMinutes(10));
        await b.WithDbAsync(d => anchorer.AnchorAsync(d, CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(10));
        await b.WithDbAsync(d => anchorer.AnchorAsync(d, CancellationToken.None));
        Assert.Equal(2, Lines()); // the second time the head had not moved
        Assert.StartsWith($"{b.UnitId} 2 ", File.ReadLines(file).Last(l => l.StartsWith($"{b.UnitId} ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
