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
    // One demo for the class (its logins' names are fixed); xUnit runs a class's tests one at a time.
    private static readonly Lazy<Task<int>> Demo = new(async () =>
    {
        await using var scope = App.Services.CreateAsyncScope();
        await DemoBureau.CreateAsync(scope.ServiceProvider);
        return await scope.ServiceProvider.GetRequiredService<LuoshiDb>().Units.Where(u => u.Name == "示范市科学技术局").Select(u => u.Id).SingleAsync();
    });

    private static TestApp App => TestApp.For("demo-record");

    private static async Task<T> WithDbAsync<T>(Func<LuoshiDb, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LuoshiDb>());
    }

    [Fact]
    public async Task AFreshDemoHasOneSealedEntryPerReportRequestAndDecisionAndVerifies()
    {
        var unit = await Demo.Value;
        var (reports, extensions, extensionsDecided, completions, completionsDecided, schemes) = await WithDbAsync(async d => (
            await d.Reports.CountAsync(r => r.UnitId == unit), await d.ExtensionRequests.CountAsync(r => r.UnitId == unit),
            await d.ExtensionRequests.CountAsync(r => r.UnitId == unit && r.DecidedAt != null), await d.CompletionRequests.CountAsync(r => r.UnitId == unit),
            await d.CompletionRequests.CountAsync(r => r.UnitId == unit && r.DecidedAt != null), await d.AssessmentSchemes.CountAsync(s => s.UnitId == unit)));
        var kinds = await WithDbAsync(d => d.RecordEntries.Where(e => e.UnitId == unit).GroupBy(e => e.Kind).ToDictionaryAsync(g => g.Key, g => g.Count()));

        Assert.True(reports > 80, $"{reports} reports");
        Assert.Equal((2, 1, 2, 2, 1), (extensions, extensionsDecided, completions, completionsDecided, schemes));
        Assert.Equal(new Dictionary<string, int>
        {
            ["report"] = reports, ["extension-request"] = extensions, ["extension-decision"] = extensionsDecided,
            ["completion-request"] = completions, ["completion-decision"] = completionsDecided, ["scheme"] = schemes,
        }.OrderBy(k => k.Key), kinds.OrderBy(k => k.Key));

        var verification = await WithDbAsync(d => Verifier.VerifyAsync(d, unit, CancellationToken.None));
        Assert.True(verification.Intact, verification.FirstBroken?.ToString());
        Assert.Equal(kinds.Values.Sum(), verification.Entries);
        Assert.Equal(0, verification.Pending);
    }

    [Fact]
    public async Task ADemoReportEditedInTheDatabaseMakesVerifyFailNamingIt()
    {
        var unit = await Demo.Value;
        var report = await WithDbAsync(d => d.Reports.Where(r => r.UnitId == unit).OrderBy(r => r.Id).Skip(10).Select(r => new { r.Id, r.Progress }).FirstAsync());
        string[] args = ["--unit", unit.ToString(System.Globalization.CultureInfo.InvariantCulture), $"--ConnectionStrings:Luoshi={App.ConnectionString}"];
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await VerifyCommand.RunAsync(args, output, error));

        await WithDbAsync(d => d.Database.ExecuteSqlAsync($"""UPDATE "Reports" SET "Progress" = '各项工作已全部完成。' WHERE "Id" = {report.Id}"""));
        try
        {
            Assert.Equal(1, await VerifyCommand.RunAsync(args, output, error));
            Assert.Contains($"report:{report.Id}）", error.ToString());
            Assert.Contains("progress", error.ToString());
        }
        finally
        {
            await WithDbAsync(d => d.Database.ExecuteSqlAsync($"""UPDATE "Reports" SET "Progress" = {report.Progress} WHERE "Id" = {report.Id}"""));
        }
    }

    [Fact]
    public async Task EveryDemoTaskHistoryIsInTimeOrderAndNothingIsDatedBeforeTheTaskWasCreated()
    {
        var unit = await Demo.Value;
        var tasks = await WithDbAsync(d => d.Tasks.Where(t => t.UnitId == unit).ToDictionaryAsync(t => t.Id, t => t.CreatedAt));
        var events = await WithDbAsync(d => d.TaskEvents.Where(e => e.UnitId == unit).OrderBy(e => e.Id).Select(e => new { e.TaskId, e.At, e.Kind, e.Summary }).ToListAsync());

        Assert.Equal(tasks.Keys.Order(), events.Select(e => e.TaskId).Distinct().Order());
        foreach (var history in events.GroupBy(e => e.TaskId))
        {
            Assert.All(history, e => Assert.True(e.At >= tasks[history.Key], $"task {history.Key}: {e.Kind} {e.Summary} at {e.At:O}, created {tasks[history.Key]:O}"));
            Assert.Equal(history.Select(e => e.At).Order(), history.Select(e => e.At));
        }

        // The escalation run wrote its steps on their days, and the reports were submitted on theirs.
        Assert.Contains(events, e => e.Kind == "urge" && e.At < TestApp.Now.UtcDateTime.AddDays(-1));
        Assert.True(await WithDbAsync(d => d.Reports.Where(r => r.UnitId == unit).Select(r => r.SubmittedAt).Distinct().CountAsync()) > 5);
    }
}
