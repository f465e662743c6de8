using System.Collections.Concurrent;
using Luoshi.Commands;
using Luoshi.Data;
using Luoshi.Features.Demo;
using Luoshi.Features.Record;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Demo;

/// <summary>The demo is made through the product's own write paths, so its record and histories are
/// those of a real bureau: <c>verify</c> checks real entries and catches an edited demo report.</summary>
public class DemoRecordTests
{
    // One demo per database (its logins' names are fixed); xUnit runs a class's tests one at a time.
    private static readonly ConcurrentDictionary<string, Lazy<Task<int>>> Demos = new();

    private static TestApp App(string db) => TestApp.For($"demo-{db}");

    private static Task<int> DemoAsync(string db) => Demos.GetOrAdd(db, _ => new(async () =>
    {
        await using var scope = App(db).Services.CreateAsyncScope();
        await DemoBureau.CreateAsync(scope.ServiceProvider);
        return await scope.ServiceProvider.GetRequiredService<LuoshiDb>().Units.Where(u => u.Name == "示范市科学技术局").Select(u => u.Id).SingleAsync();
    })).Value;

    private static async Task<T> WithDbAsync<T>(string db, Func<LuoshiDb, Task<T>> work)
    {
        await using var scope = App(db).Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LuoshiDb>());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AFreshDemoHasOneSealedEntryPerReportRequestAndDecisionAndVerifies(string db)
    {
        var unit = await DemoAsync(db);
        var (reports, extensions, extensionsDecided, completions, completionsDecided, schemes) = await WithDbAsync(db, async d => (
            await d.Reports.CountAsync(r => r.UnitId == unit), await d.ExtensionRequests.CountAsync(r => r.UnitId == unit),
            await d.ExtensionRequests.CountAsync(r => r.UnitId == unit && r.DecidedAt != null), await d.CompletionRequests.CountAsync(r => r.UnitId == unit),
            await d.CompletionRequests.CountAsync(r => r.UnitId == unit && r.DecidedAt != null), await d.AssessmentSchemes.CountAsync(s => s.UnitId == unit)));
        var rechecksConcluded = await WithDbAsync(db, d => d.Rechecks.CountAsync(r => r.UnitId == unit && r.ConcludedAt != null));
        var (instructions, handlingReports, answered) = await WithDbAsync(db, async d => (await d.DirectiveInstructions.CountAsync(i => i.UnitId == unit),
            await d.DirectiveReports.CountAsync(r => r.UnitId == unit), await d.DirectiveReports.CountAsync(r => r.UnitId == unit && r.Response != null)));
        var editions = await WithDbAsync(db, d => d.PublicEditions.CountAsync(e => e.UnitId == unit));
        var kinds = await WithDbAsync(db, d => d.RecordEntries.Where(e => e.UnitId == unit).GroupBy(e => e.Kind).ToDictionaryAsync(g => g.Key, g => g.Count()));

        Assert.True(reports > 80, $"{reports} reports");
        Assert.Equal((2, 1, 2, 2, 1, 1, 1), (extensions, extensionsDecided, completions, completionsDecided, schemes, rechecksConcluded, editions));
        Assert.Equal(new Dictionary<string, int>
        {
            ["report"] = reports, ["extension-request"] = extensions, ["extension-decision"] = extensionsDecided,
            ["completion-request"] = completions, ["completion-decision"] = completionsDecided, ["scheme"] = schemes,
            ["recheck-decision"] = rechecksConcluded, ["public-edition"] = editions,
            ["directive-instruction"] = instructions, ["directive-report"] = handlingReports, ["directive-response"] = answered,
        }.OrderBy(k => k.Key), kinds.OrderBy(k => k.Key));

        var verification = await WithDbAsync(db, d => Verifier.VerifyAsync(d, unit, CancellationToken.None));
        Assert.True(verification.Intact, verification.FirstBroken?.ToString());
        Assert.Equal(kinds.Values.Sum(), verification.Entries);
        Assert.Equal(0, verification.Pending);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ADemoReportEditedInTheDatabaseMakesVerifyFailNamingIt(string db)
    {
        var unit = await DemoAsync(db);
        var report = await WithDbAsync(db, d => d.Reports.Where(r => r.UnitId == unit).OrderBy(r => r.Id).Skip(10).Select(r => new { r.Id, r.Progress }).FirstAsync());
        // The command checks the evidence files too, so it is pointed at the demo app's folder.
        var evidence = App(db).Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Luoshi.Features.Reports.EvidenceOptions>>().Value.Folder;
        // And at the demo app's own anchor file: the default one beside the test binaries is not this database's.
        var anchors = App(db).Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Record:AnchorFile"];
        string[] args = ["--unit", unit.ToString(System.Globalization.CultureInfo.InvariantCulture), $"--ConnectionStrings:Luoshi={App(db).ConnectionString}", $"--Evidence:Folder={evidence}", $"--Record:AnchorFile={anchors}"];
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await VerifyCommand.RunAsync(args, output, error));

        await WithDbAsync(db, d => d.Database.ExecuteSqlAsync($"""UPDATE "Reports" SET "Progress" = '各项工作已全部完成。' WHERE "Id" = {report.Id}"""));
        try
        {
            Assert.Equal(1, await VerifyCommand.RunAsync(args, output, error));
            Assert.Contains($"report:{report.Id}）", error.ToString());
            Assert.Contains("progress", error.ToString());
        }
        finally
        {
            await WithDbAsync(db, d => d.Database.ExecuteSqlAsync($"""UPDATE "Reports" SET "Progress" = {report.Progress} WHERE "Id" = {report.Id}"""));
        }
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task EveryDemoTaskHistoryIsInTimeOrderAndNothingIsDatedBeforeTheTaskWasCreated(string db)
    {
        var unit = await DemoAsync(db);
        var tasks = await WithDbAsync(db, d => d.Tasks.Where(t => t.UnitId == unit).ToDictionaryAsync(t => t.Id, t => t.CreatedAt));
        var events = await WithDbAsync(db, d => d.TaskEvents.Where(e => e.UnitId == unit).OrderBy(e => e.Id).Select(e => new { e.TaskId, e.At, e.Kind, e.Summary }).ToListAsync());

        Assert.Equal(tasks.Keys.Order(), events.Select(e => e.TaskId).Distinct().Order());
        foreach (var history in events.GroupBy(e => e.TaskId))
        {
            Assert.All(history, e => Assert.True(e.At >= tasks[history.Key], $"task {history.Key}: {e.Kind} {e.Summary} at {e.At:O}, created {tasks[history.Key]:O}"));
            Assert.Equal(history.Select(e => e.At).Order(), history.Select(e => e.At));
        }

        // The escalation run wrote its steps on their days, and the reports were submitted on theirs.
        Assert.Contains(events, e => e.Kind == "urge" && e.At < TestApp.Now.UtcDateTime.AddDays(-1));
        Assert.True(await WithDbAsync(db, d => d.Reports.Where(r => r.UnitId == unit).Select(r => r.SubmittedAt).Distinct().CountAsync()) > 5);
    }
}
