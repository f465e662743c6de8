using Luoshi.Features.Supervision;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Luoshi.Tests.Supervision;

/// <summary>A backlog is written in batches, each committed on its own: a run stopped between two batches is
/// taken up by the next run, which raises the rest and nothing twice, and ends where one run in one go ends.
/// A batch reads one page of tasks, continuing from the last one's key, so it costs the same however large the backlog.</summary>
public class BatchedRunTests
{
    private static async Task<Bureau> BacklogAsync(string db)
    {
        var b = await Bureau.CreateAsync(db);
        foreach (var (name, section) in new[] { ("A", b.SectionA), ("B", b.SectionB), ("C", b.SectionC) })
        {
            for (var i = 0; i < 4; i++)
            {
                await b.TaskAsync(section, TestApp.Today.AddDays(-120), TestApp.Today.AddDays(-40 - (7 * i)), change: t => t.Title = $"积压任务{name}{i}");
            }
        }

        return b;
    }

    private static async Task<EscalationSummary> RunAsync(Bureau b, int batchSize, Action<RunBatch>? afterBatch = null, CancellationToken ct = default)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var options = Options.Create(new SupervisionOptions { RunBatchSize = batchSize, RunBatchPause = TimeSpan.Zero });
        var run = ActivatorUtilities.CreateInstance<EscalationRun>(scope.ServiceProvider, options);
        run.AfterBatch = afterBatch;
        return await run.RunAsync(b.UnitId, ct);
    }

    private static Task<List<string>> StepsAsync(Bureau b) => b.WithDbAsync(d => d.EscalationSteps.Where(s => s.UnitId == b.UnitId)
        .Join(d.Tasks, s => s.TaskId, t => t.Id, (s, t) => new { t.Title, s.Deadline, s.DueOn, s.Step, s.RaisedOn }).ToListAsync())
        .ContinueWith(r => r.Result.Select(s => $"{s.Title} {s.Deadline} {s.DueOn:yyyy-MM-dd} {s.Step} {s.RaisedOn:yyyy-MM-dd}").Order(StringComparer.Ordinal).ToList());

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ARunStoppedBetweenBatchesIsTakenUpAndEndsAsOneRunInOneGoEnds(string db)
    {
        var whole = await BacklogAsync(db);
        var batched = await BacklogAsync(db);
        var once = await RunAsync(whole, batchSize: 10_000);
        var expected = await StepsAsync(whole);
        Assert.True(expected.Count > 6, $"only {expected.Count} steps");

        using var stop = new CancellationTokenSource();
        var committed = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(batched, batchSize: 3, x =>
        {
            committed = x.Number;
            stop.Cancel();
        }, stop.Token));
        Assert.Equal(1, committed);
        var part = await StepsAsync(batched);
        Assert.InRange(part.Count, 1, expected.Count - 1);
        // Stopped: the run has not finished today, so the next one finds the same gap behind it.
        Assert.False(await batched.WithDbAsync(d => d.EscalationRunLogs.AnyAsync(l => l.UnitId == batched.UnitId && l.LastRunOn == TestApp.Today)));

        var batches = 0;
        var rest = await RunAsync(batched, batchSize: 3, afterBatch: x => batches = x.Number);
        Assert.True(batches >= 2, $"{batches} batches");
        Assert.Equal(expected, await StepsAsync(batched));
        Assert.Equal(expected.Count - part.Count, rest.Reminders + rest.Urges + rest.Supervisions);
        Assert.Equal(once.Reminders + once.Urges + once.Supervisions, expected.Count);
        Assert.True(await batched.WithDbAsync(d => d.EscalationRunLogs.AnyAsync(l => l.UnitId == batched.UnitId && l.LastRunOn == TestApp.Today)));

        // And the next run the same day finds nothing left.
        var again = await RunAsync(batched, batchSize: 3);
        Assert.Equal(0, again.Reminders + again.Urges + again.Supervisions + again.Held);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task EachBatchReadsAtMostOnePageKeepingASectionWholeWhenItFitsAndEscalatesEachTaskOnce(string db)
    {
        var whole = await BacklogAsync(db);
        var pages = new List<int>();
        var summary = await RunAsync(whole, batchSize: 5, afterBatch: x => pages.Add(x.Tasks));
        // Three sections of four tasks: each fits in a page of five, so each is a page of its own, never split.
        Assert.Equal([4, 4, 4], pages);
        Assert.Equal(12, summary.Tasks);

        var split = await BacklogAsync(db);
        pages.Clear();
        var batched = await RunAsync(split, batchSize: 3, afterBatch: x => pages.Add(x.Tasks));
        // A section larger than a page is split at the page's size: no batch reads more than a page.
        Assert.Equal([3, 1, 3, 1, 3, 1], pages);
        Assert.Equal(12, batched.Tasks);
        // Continuing from the last page's key, every task is read once: each one's own deadline escalated exactly once.
        var perTask = await split.WithDbAsync(d => d.EscalationSteps.Where(s => s.UnitId == split.UnitId && s.Deadline == DeadlineKind.Task)
            .GroupBy(s => s.TaskId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(Enumerable.Repeat(1, 12), perTask);
        Assert.Equal(await StepsAsync(whole), await StepsAsync(split));
    }
}
