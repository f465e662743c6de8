using System.Diagnostics;
using System.Net.Http.Json;

namespace Luoshi.Bench;

internal sealed record Result(string Scenario, int Clients, long Requests, double Seconds, double P50, double P99, long Failures)
{
    public double PerSecond => Requests / Seconds;
}

/// <summary>
/// Each scenario twice: one client (latency without queueing) and several at once (throughput and
/// latency under load). Client and server share the machine's cores, over loopback.
/// </summary>
internal static class Scenarios
{
    private static readonly string[] Lights = ["red", "yellow", "green"];

    public static async Task<List<Result>> RunAsync(BenchServer server, BenchData data, BenchOptions options)
    {
        var admin = server.Client(await server.TokenAsync(data.AdminLogin, data.Password));
        var head = server.Client(await server.TokenAsync(data.HeadLogin, data.Password));
        var results = new List<Result>();

        async Task Measure(string name, HttpClient client, int clients, Func<Random, HttpClient, Task<HttpResponseMessage>> call)
        {
            await Run(name, client, 1, TimeSpan.FromSeconds(2), call); // warm-up
            results.Add(await Run(name, client, 1, options.Duration, call));
            results.Add(await Run(name, client, clients, options.Duration, call));
            Console.WriteLine($"  measured {name}");
        }

        await Measure($"dashboard, admin ({data.Tasks / 1000}k tasks)", admin, 8, (_, c) => c.GetAsync("/api/dashboard"));
        await Measure("dashboard, section head", head, 8, (_, c) => c.GetAsync("/api/dashboard"));
        await Measure("task list: section + light, page of 20", admin, 8, (r, c) =>
            c.GetAsync($"/api/tasks?section={data.SectionIds[r.Next(data.SectionIds.Length)]}&light={Lights[r.Next(Lights.Length)]}&pageSize=20"));
        await Measure("task list: leader + due before, page of 20", admin, 8, (r, c) =>
            c.GetAsync($"/api/tasks?leader={r.Next(1, 100)}&dueBefore=2026-12-31&pageSize=20"));
        await Measure("report submission", admin, 16, (r, c) =>
            c.PostAsJsonAsync($"/api/tasks/{data.TaskIds[r.Next(data.TaskIds.Length)]}/reports", new { progress = "压测报送：本月完成既定工作。", percent = r.Next(0, 100) }));
        // Reports on one task take turns (TaskRowLock): the worst case for that lock.
        await Measure("report submission, all on one task", admin, 16, (r, c) =>
            c.PostAsJsonAsync($"/api/tasks/{data.TaskIds[0]}/reports", new { progress = "压测报送：同一任务。", percent = r.Next(0, 100) }));
        return results;
    }

    internal static async Task<Result> Run(string name, HttpClient client, int clients, TimeSpan duration, Func<Random, HttpClient, Task<HttpResponseMessage>> call)
    {
        var latencies = new List<double>[clients];
        var failures = 0L;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
        {
            var random = new Random(i * 7919);
            var mine = latencies[i] = [];
            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await call(random, client);
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var seconds = stop.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(name, clients, all.Length, seconds, Percentile(all, 0.50), Percentile(all, 0.99), failures);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
