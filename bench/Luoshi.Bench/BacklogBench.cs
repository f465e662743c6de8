using System.Diagnostics;
using System.Globalization;
using System.Text;
using Luoshi.Data;
using Luoshi.Features.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Bench;

/// <summary>
/// A bureau's first escalation run over its backlog, at a base size and at multiples of it, each scale
/// on a fresh database: the run in batches while one client asks for task pages of the same bureau
/// without pause, against the same page on the quiet system. Per scale: the run's time (and per 100k
/// tasks), its median and longest batch (the time it holds the unit's lock in one transaction), and the page's
/// p50/p95/p99 during the run. Batches are bounded when the page's latency during the run and the
/// longest batch stay put from ×1 to ×10 while the run's time grows tenfold. Optionally also the run in
/// one transaction (as before batches), its work undone before the batched run.
/// </summary>
internal static class BacklogBench
{
    private sealed record Row(string Scale, int Tasks, TimeSpan Generated, string Run, int Candidates, int Steps, int Batches, TimeSpan Elapsed, TimeSpan Median, TimeSpan Longest, Latency During, Latency Quiet, long Failures);

    private sealed record Latency(int Requests, double P50, double P95, double P99);

    public static async Task RunAsync(string maintenanceConnection, int baseTasks, int[] scales, int batch, int seconds, bool oneTransaction)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        var rows = new List<Row>();
        foreach (var scale in scales)
        {
            await using var server = await BenchServer.StartAsync(maintenanceConnection);
            var tasks = baseTasks * scale;
            var data = await Generator.FillAsync(server, new BenchOptions(maintenanceConnection, tasks, Math.Max(20, tasks / 200), 3, TimeSpan.FromSeconds(seconds), false));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"×{scale}: {data.Tasks:N0} tasks, {data.Sections} sections, {data.Reports:N0} reports, {data.Milestones:N0} milestones, generated in {data.Elapsed.TotalSeconds:F0} s"));
            var pages = await server.SignInAsync(data.AdminLogin);
            var random = new Random(7);
            Task<HttpResponseMessage> TaskPage(HttpClient c) => c.GetAsync($"/Tasks/{data.TaskIds[random.Next(data.TaskIds.Length)]}");
            await Scenarios.Run("warm-up", pages, 1, TimeSpan.FromSeconds(2), (_, c) => TaskPage(c));
            var quiet = await WhileAsync(pages, TaskPage, Task.Delay(TimeSpan.FromSeconds(seconds)));
            foreach (var size in oneTransaction ? new[] { int.MaxValue, batch } : [batch])
            {
                var name = size == int.MaxValue ? "one transaction" : $"batches of {size:N0}";
                var batches = new List<RunBatch>();
                var watch = Stopwatch.StartNew();
                var run = Task.Run(async () =>
                {
                    await using var scope = server.Services.CreateAsyncScope();
                    var options = Options.Create(new SupervisionOptions { RunBatchSize = size });
                    var escalation = ActivatorUtilities.CreateInstance<EscalationRun>(scope.ServiceProvider, options);
                    escalation.AfterBatch = batches.Add;
                    var summary = await escalation.RunAsync(data.UnitId);
                    watch.Stop();
                    return summary;
                });
                var during = await WhileAsync(pages, TaskPage, run);
                var summary = await run;
                Console.WriteLine($"  ×{scale}, {name}: {summary}");
                // Whether a batch costs more as the run goes on (the tables it writes into grow): its first and last fifth.
                var fifth = Math.Max(1, batches.Count / 5);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  batch ms, median of the first {fifth}: {Median(batches.Take(fifth)):F0}, of the last {fifth}: {Median(batches.TakeLast(fifth)):F0}; every batch: {string.Join(" ", batches.Select(b => b.Locked.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)))}"));
                rows.Add(new Row($"×{scale}", data.Tasks, data.Elapsed, name, summary.Tasks, batches.Sum(b => b.Steps), batches.Count, watch.Elapsed,
                    batches.Select(b => b.Locked).Order().ElementAt(batches.Count / 2), batches.Max(b => b.Locked), during.Latency, quiet.Latency, during.Failures + quiet.Failures));
                if (size == int.MaxValue)
                {
                    await UndoAsync(server, data.UnitId);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine(Render(rows));
    }

    /// <summary>One client asking for task pages without pause until <paramref name="until"/> ends.</summary>
    private static async Task<(Latency Latency, long Failures)> WhileAsync(HttpClient client, Func<HttpClient, Task<HttpResponseMessage>> call, Task until)
    {
        var latencies = new List<double>();
        var failures = 0L;
        while (!until.IsCompleted)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await call(client);
            await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            failures += response.IsSuccessStatusCode ? 0 : 1;
        }

        await until;
        var sorted = latencies.Order().ToArray();
        return (new Latency(sorted.Length, At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99)), failures);
    }

    private static double Median(IEnumerable<RunBatch> batches) => At([.. batches.Select(b => b.Locked.TotalMilliseconds).Order()], 0.5);

    private static double At(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Render(List<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| scale | tasks (generated in) | run | tasks read | steps | batches | run s | s per 100k tasks | batch median / longest ms | page during p50 / p95 / p99 ms (requests) | page quiet p50 / p95 / p99 ms (requests) | failed |");
        text.AppendLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scale} | {r.Tasks:N0} ({r.Generated.TotalSeconds:F0} s) | {r.Run} | {r.Candidates:N0} | {r.Steps:N0} | {r.Batches} | {r.Elapsed.TotalSeconds:F1} | {r.Elapsed.TotalSeconds * 100_000 / r.Tasks:F1} | {r.Median.TotalMilliseconds:F0} / {r.Longest.TotalMilliseconds:F0} | {Of(r.During)} | {Of(r.Quiet)} | {r.Failures} |");
        }

        return text.ToString();

        static string Of(Latency l) => string.Create(CultureInfo.InvariantCulture, $"{l.P50:F1} / {l.P95:F1} / {l.P99:F1} ({l.Requests:N0})");
    }

    /// <summary>Removes what a run raised, so the next run finds the same backlog.</summary>
    private static async Task UndoAsync(BenchServer server, int unitId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.NoticeDigestItems.Where(x => x.UnitId == unitId).ExecuteDeleteAsync();
        await db.NoticeDeliveries.Where(x => x.UnitId == unitId).ExecuteDeleteAsync();
        await db.Notices.Where(x => x.UnitId == unitId).ExecuteDeleteAsync();
        await db.NoticeCounters.Where(x => x.UnitId == unitId).ExecuteDeleteAsync();
        await db.EscalationSteps.Where(x => x.UnitId == unitId).ExecuteDeleteAsync();
        await db.HeldSheets.Where(x => x.UnitId == unitId).ExecuteDeleteAsync();
        string[] kinds = ["remind", "urge", "supervise", "supervise-held"];
        await db.TaskEvents.Where(x => x.UnitId == unitId && kinds.Contains(x.Kind)).ExecuteDeleteAsync();
        await db.EscalationRunLogs.Where(x => x.UnitId == unitId).ExecuteDeleteAsync();
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
    }
}
