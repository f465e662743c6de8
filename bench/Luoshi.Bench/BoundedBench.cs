using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Record;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Luoshi.Bench;

/// <summary>
/// The two paths that used to grow with history inside a request, at a base size and at multiples of
/// it: the office's record check (now from the last intact point) and a holiday edit (now queuing the
/// reschedule). Each scale gets a fresh database with tasks, one report per task and a sealed record
/// entry per report; then the request times, and the two background jobs' time per 100k.
/// </summary>
internal static partial class BoundedBench
{
    private const int Rounds = 20;

    public static async Task RunAsync(string maintenance, int baseTasks, int[] scales)
    {
        var results = new List<Result>();
        var jobs = new List<string>();
        foreach (var scale in scales)
        {
            await using var server = await BenchServer.StartAsync(maintenance);
            var data = await Generator.FillAsync(server, new BenchOptions(maintenance, Tasks: baseTasks * scale, Sections: 50, ReportsPerTask: 2, TimeSpan.FromSeconds(5), SupervisionOnly: false));
            var entries = await RecordAsync(server, data.UnitId);
            var label = string.Create(CultureInfo.InvariantCulture, $"×{scale} ({data.Tasks:N0} tasks, {entries:N0} entries)");
            var admin = await server.SignInAsync(data.AdminLogin);
            var recordToken = await TokenAsync(admin, "/Admin/Record");
            var holidaysToken = await TokenAsync(admin, "/Admin/Holidays");
            var staff = server.Client(await server.TokenAsync(data.AdminLogin, data.Password));

            // The first check has no point to start from and walks the whole chain: the one time the request pays for the history.
            var first = Stopwatch.StartNew();
            await VerifyAsync(admin, recordToken);
            jobs.Add(string.Create(CultureInfo.InvariantCulture, $"{label}: first check in a request (no point yet, whole chain): {first.Elapsed.TotalMilliseconds:N0} ms"));

            var verify = new List<double>();
            for (var i = 0; i < Rounds; i++)
            {
                // Five new reports sealed since the last check, as between two checks of a working day.
                for (var k = 0; k < 5; k++)
                {
                    using var posted = await staff.PostAsJsonAsync($"/api/tasks/{data.TaskIds[(i * 5) + k]}/reports", new { progress = "压测：新增报送。", percent = 50 });
                    posted.EnsureSuccessStatusCode();
                }

                await using (var scope = server.Services.CreateAsyncScope())
                {
                    await RecordSealer.SealAsync(scope.ServiceProvider.GetRequiredService<LuoshiDb>(), data.UnitId);
                }

                verify.Add(await TimedAsync(() => VerifyAsync(admin, recordToken)));
            }

            results.Add(Of($"{label}: record check (5 new entries)", verify));

            var edit = new List<double>();
            var date = new DateOnly(2026, 12, 1);
            for (var i = 0; i < Rounds; i++)
            {
                var day = date.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                edit.Add(await TimedAsync(() => PostAsync(admin, "/Admin/Holidays", "Add", new() { ["date"] = day, ["kind"] = "Holiday", ["name"] = "压测假日" }, holidaysToken)));
            }

            results.Add(Of($"{label}: holiday edit", edit));

            var reschedule = Stopwatch.StartNew();
            var open = 0;
            await using (var scope = server.Services.CreateAsyncScope())
            {
                var job = server.Services.GetRequiredService<CalendarRescheduleJob>();
                while (await job.RunNextAsync(CancellationToken.None))
                {
                }

                open = (await CalendarReschedules.LatestAsync(scope.ServiceProvider.GetRequiredService<LuoshiDb>(), data.UnitId, CancellationToken.None))!.Total;
            }

            jobs.Add(PerHundredThousand($"{label}: reschedule job after the edits", reschedule.Elapsed, open, "open tasks"));

            long checkedEntries;
            var full = Stopwatch.StartNew();
            await using (var scope = server.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
                var (id, _) = await RecordFullChecks.QueueAsync(db, data.UnitId, null, DateTime.UtcNow, CancellationToken.None);
                full.Restart();
                await server.Services.GetRequiredService<RecordFullCheckJob>().RunNextAsync(CancellationToken.None);
                var check = await db.Set<RecordCheck>().AsNoTracking().SingleAsync(c => c.Id == id);
                checkedEntries = check.Total;
                if (check.State != RecordCheckState.Intact)
                {
                    throw new InvalidOperationException($"full check found {check.BrokenCount} breaks: {check.FirstWhat}");
                }
            }

            jobs.Add(PerHundredThousand($"{label}: full record check job", full.Elapsed, checkedEntries, "entries"));
        }

        Console.WriteLine();
        Console.WriteLine(Table.Render(results));
        jobs.ForEach(Console.WriteLine);
    }

    /// <summary>One sealed entry per report, chained as the sealer would, with its content as the app records it.</summary>
    private static async Task<long> RecordAsync(BenchServer server, int unitId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        var source = RecordedSources.ForKey("report:1")!;
        var ids = await db.Reports.Where(r => r.UnitId == unitId).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        var at = DateTime.UtcNow.AddDays(-1);
        var (seq, previous) = (0L, RecordChain.Genesis);
        var rows = new List<RecordEntry>(ids.Count);
        foreach (var chunk in ids.Chunk(5000))
        {
            var contents = await source.ContentsAsync(db, unitId, [.. chunk.Select(id => (long)id)], CancellationToken.None);
            foreach (var id in chunk)
            {
                var e = new RecordEntry { UnitId = unitId, Kind = "report", EntityKey = source.Key(id), At = at, Content = contents[id], Hashing = RecordHashing.Sha256, Seq = ++seq, PreviousHash = previous };
                e.ContentHash = RecordChain.ContentHashOf(e);
                e.Hash = RecordChain.HashOf(e);
                previous = e.Hash;
                rows.Add(e);
            }
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { CommandTimeout = 600 }.ConnectionString);
        await connection.OpenAsync();
        await Generator.CopyAsync(connection, """
            COPY "RecordEntries" ("UnitId", "Seq", "Kind", "EntityKey", "At", "ActorId", "Content", "ContentHash", "Hashing", "PreviousHash", "Hash") FROM STDIN (FORMAT BINARY)
            """, rows, (w, e) => w.WriteRowAsync(default, e.UnitId, e.Seq, e.Kind, e.EntityKey, e.At, (int?)null, e.Content, e.ContentHash, (int)e.Hashing, e.PreviousHash, e.Hash));
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "RecordHeads" ("UnitId", "Seq", "Hash") VALUES ({unitId}, {seq}, {previous})""");
        await RecordStarts.NoteAsync(db, unitId, rows, CancellationToken.None);
        await new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 }.ExecuteNonQueryAsync();
        return rows.Count;
    }

    private static async Task VerifyAsync(HttpClient admin, string token)
    {
        var page = await PostAsync(admin, "/Admin/Record", "Verify", [], token);
        if (!page.Contains("记录链完整", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the record check did not find the chain intact");
        }
    }

    /// <summary>The page's anti-forgery token, read once: a session's token serves every post of it.</summary>
    private static async Task<string> TokenAsync(HttpClient client, string page) => Antiforgery().Match(await client.GetStringAsync(page)).Groups[1].Value;

    /// <summary>The post alone (the redirect is not followed).</summary>
    private static async Task<string> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields, string token)
    {
        fields["__RequestVerificationToken"] = token;
        using var response = await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
        if ((int)response.StatusCode >= 400)
        {
            throw new InvalidOperationException($"{page} {handler}: {(int)response.StatusCode}");
        }

        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<double> TimedAsync(Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        await call();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static Result Of(string name, List<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Result(name, 1, sorted.Length, sorted.Sum() / 1000, At(0.5), At(0.99), 0);
    }

    private static string PerHundredThousand(string name, TimeSpan elapsed, long count, string what) => string.Create(CultureInfo.InvariantCulture,
        $"{name}: {elapsed.TotalSeconds:N1} s for {count:N0} {what} = {(count == 0 ? 0 : elapsed.TotalSeconds * 100_000 / count):N1} s per 100k");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
