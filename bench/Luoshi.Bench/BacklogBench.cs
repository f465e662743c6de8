using System.Diagnostics;
using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Bench;

/// <summary>
/// A bureau's first escalation run over its backlog, once in one transaction (as before batches) and once in
/// batches, the run's work undone between the two; meanwhile one client asks for task pages of the same
/// bureau without pause. Prints each run's time (and per 100k tasks) and the task page's latency during it,
/// against the same page on the quiet system.
/// </summary>
internal static class BacklogBench
{
    public static async Task RunAsync(string maintenanceConnection, int tasks, int batch, int seconds)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        await using var server = await BenchServer.StartAsync(maintenanceConnection);
        var data = await Generator.FillAsync(server, new BenchOptions(maintenanceConnection, tasks, Math.Max(20, tasks / 200), 3, TimeSpan.FromSeconds(seconds), false));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data: {data.Tasks:N0} tasks, {data.Sections} sections, {data.Reports:N0} reports, generated in {data.Elapsed.TotalSeconds:F0} s"));
        var pages = await server.SignInAsync(data.AdminLogin);
        var random = new Random(7);
        Task<HttpResponseMessage> TaskPage(HttpClient c) => c.GetAsync($"/Tasks/{data.TaskIds[random.Next(data.TaskIds.Length)]}");
        await Scenarios.Run("warm-up", pages, 1, TimeSpan.FromSeconds(1), (_, c) => TaskPage(c));
        var quiet = await Scenarios.Run("task page, nothing else running", pages, 1, TimeSpan.FromSeconds(seconds), (_, c) => TaskPage(c));
        var results = new List<Result> { quiet };
        foreach (var size in new[] { int.MaxValue, batch })
        {
            var name = size == int.MaxValue ? "one transaction" : $"batches of {size:N0}";
            using var stop = new CancellationTokenSource();
            var latencies = new List<double>();
            var failures = 0L;
            var requests = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await TaskPage(pages);
                    await response.Content.ReadAsByteArrayAsync();
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    failures += response.IsSuccessStatusCode ? 0 : 1;
                }
            });
            var watch = Stopwatch.StartNew();
            EscalationSummary summary;
            await using (var scope = server.Services.CreateAsyncScope())
            {
                var options = Options.Create(new SupervisionOptions { RunBatchSize = size });
                summary = await ActivatorUtilities.CreateInstance<EscalationRun>(scope.ServiceProvider, options).RunAsync(data.UnitId);
            }

            var elapsed = watch.Elapsed;
            await stop.CancelAsync();
            await requests;
            var sorted = latencies.Order().ToArray();
            results.Add(new Result($"task page during the run ({name})", 1, sorted.Length, elapsed.TotalSeconds, At(sorted, 0.50), At(sorted, 0.99), failures));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"first run, {name}: {elapsed.TotalSeconds:F1} s ({elapsed.TotalSeconds * 100_000 / data.Tasks:F1} s per 100k tasks); {summary}"));
            await UndoAsync(server, data.UnitId);
        }

        Console.WriteLine();
        Console.WriteLine(Table.Render(results));
    }

    private static double At(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>Removes what a run raised, so the next run finds the same backlog.</summary>
    private static async Task UndoAsync(BenchServer server, int unitId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
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
