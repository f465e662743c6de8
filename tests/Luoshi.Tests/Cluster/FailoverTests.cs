using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Luoshi.Features.Notices;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace Luoshi.Tests.Cluster;

/// <summary>
/// Two app processes on a pg_auto_failover formation (scripts/failover-throwaway.sh): while several
/// clients submit reports through the API (each with an Idempotency-Key, repeating a request it got no
/// answer to with the same key) and the office returns some of them (each return sends mail), the
/// primary is killed (its pg_autoctl, keeper and PostgreSQL with SIGKILL). The monitor promotes the
/// synchronous secondary; the apps find it through the multi-host connection string. Afterwards every
/// acknowledged report is in the database once, no report is there twice, every mail arrived once, and
/// a session made before the failover is good on both instances.
/// </summary>
public partial class FailoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    [FailoverFact]
    public async Task ReportsAndMailSurviveAFailoverOfThePrimaryOnceEach()
    {
        var total = Stopwatch.StartNew();
        void Stage(string what) => output.WriteLine($"{total.Elapsed.TotalSeconds,6:0.0} s  {what}");
        var (smtpHost, smtpPort) = Smtp.Address?.Split(':') is [var h, var p] ? (h, p)
            : throw new InvalidOperationException("LUOSHI_TEST_SMTP is not set: run the tests with ./test.sh, which starts an SMTP receiver (aiosmtpd) on loopback.");
        using var formation = Formation.Shared;
        Stage("formation up: " + (await formation.StateAsync()).Replace('\n', ';'));
        var b = await Bureau.CreateAsync("failover");
        var today = DateOnly.FromDateTime(DateTime.Now);
        string[] reporters = ["staffA", "staffB", "staffC"];
        var tasks = new Dictionary<string, int>();
        foreach (var (who, section) in reporters.Zip(new[] { b.SectionA, b.SectionB, b.SectionC }))
        {
            var task = await b.TaskAsync(section, today.AddDays(-60), today.AddDays(60), change: t => t.ResponsiblePersonId = b.Person(who));
            tasks[who] = task.Id;
        }

        // Everyone has an address: a return mails the author and the section's head.
        await b.WithDbAsync(d => d.People.Where(p => p.UnitId == b.UnitId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, p => "fo" + p.Id + "@unit" + b.UnitId + ".test")));
        Stage("bureau seeded on the formation");

        var folder = Directory.CreateTempSubdirectory("luoshi-failover-").FullName;
        var (portA, portB) = (Nginx.FreePort(), Nginx.FreePort());
        using var a = Instance(formation.ConnectionString, folder, "a", portA, smtpHost, smtpPort);
        await a.WaitForAsync(ListeningOn(), Patience);
        using var second = Instance(formation.ConnectionString, folder, "b", portB, smtpHost, smtpPort);
        await second.WaitForAsync(ListeningOn(), Patience);
        string[] addresses = [$"http://127.0.0.1:{portA}", $"http://127.0.0.1:{portB}"];
        // The processes' last words (each may have logged much while the primary was away).
        static string Tail(string text) => text.Length > 12000 ? text[^12000..] : text;
        string Outputs() => $"--- a\n{Tail(a.Output)}\n--- b\n{Tail(second.Output)}\n--- formation\n{Tail(formation.Output)}";
        Stage("two instances listening");

        // A session made (on a) before the failover.
        var cookies = new CookieContainer();
        using var cookieA = CookieClient(addresses[0], cookies);
        using var cookieB = CookieClient(addresses[1], cookies);
        var signIn = await new PageClient(cookieA).PostFormAsync("/Account/Login", new() { ["UserName"] = b.People["headA"].Login, ["Password"] = Bureau.Password });
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"sign-in: {signIn.StatusCode}");

        var load = new Load();
        using var stop = new CancellationTokenSource();
        var clients = new List<Task>();
        for (var i = 0; i < reporters.Length; i++)
        {
            var who = reporters[i];
            var http = await TokenClientAsync(addresses[i % 2], b.People[who].Login);
            clients.Add(ReportLoopAsync(load, http, who, tasks[who], today, stop.Token));
        }

        var office = await TokenClientAsync(addresses[1], b.People["admin"].Login);
        clients.Add(ReturnLoopAsync(load, office, stop.Token));

        // Load on the healthy formation first.
        await UntilAsync(() => Task.FromResult(Going(clients) && load.Acknowledged.Count >= 20 && load.ReturnsAcknowledged >= 3), "20 reports and 3 returns acknowledged before the failover", formation, Outputs);
        Stage($"before the failover: {load.Acknowledged.Count} reports, {load.ReturnsAcknowledged} returns acknowledged");

        var killedAt = Stopwatch.GetTimestamp();
        load.KilledAt = killedAt;
        formation.Crash("node1");
        Stage("node1 (the primary) killed");
        await UntilAsync(() => formation.IsPrimaryAsync("node2"), "node2 promoted", formation, Outputs);
        var promoted = Stopwatch.GetElapsedTime(killedAt);
        Stage($"node2 is the primary {promoted.TotalSeconds:0.0} s after the kill");

        // The load goes on until both instances have written on the new primary for a while.
        var afterPromotion = load.Acknowledged.Count;
        await UntilAsync(() => Task.FromResult(Going(clients) && load.Acknowledged.Count >= afterPromotion + 20 && load.ReturnsAfterKill >= 3), "20 more reports and 3 returns acknowledged after the promotion", formation, Outputs);
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        Stage($"load stopped: {load.Summary(killedAt)}");

        // Every acknowledged report is there once, and no report twice.
        await using var db = new NpgsqlConnection(formation.Direct("node2"));
        await db.OpenAsync();
        var stored = await ProgressCountsAsync(db, b.UnitId);
        var doubled = stored.Where(s => s.Value > 1).Select(s => $"{s.Key} ×{s.Value}").ToList();
        Assert.True(doubled.Count == 0, "reports stored twice: " + string.Join(", ", doubled));
        var missing = load.Acknowledged.Keys.Concat(load.DoneWithoutAnswer.Keys).Where(p => !stored.ContainsKey(p)).ToList();
        Assert.True(missing.Count == 0, $"acknowledged reports missing after the failover: {string.Join(", ", missing)}\n{load.Summary(killedAt)}");

        // Every delivery sent, each mail arrived once.
        var watch = Stopwatch.StartNew();
        List<(Guid Key, string Status)> deliveries;
        while (true)
        {
            deliveries = await DeliveriesAsync(db, b.UnitId);
            if (deliveries.Count > 0 && deliveries.All(d => d.Status == nameof(DeliveryStatus.Sent)))
            {
                break;
            }

            Assert.True(watch.Elapsed < Patience, $"the outbox did not empty: {string.Join(", ", deliveries.GroupBy(d => d.Status).Select(g => $"{g.Key} {g.Count()}"))}\n{Outputs()}");
            await Task.Delay(200);
        }

        // The receiver writes the file after it answered the sender.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var arrived = Smtp.ArrivedMessageIds();
        var copies = deliveries.Select(d => (d.Key, Copies: arrived.GetValueOrDefault(NoticeDispatcher.MessageId(d.Key)))).ToList();
        Assert.True(copies.All(c => c.Copies == 1), "mails not arrived exactly once: " + string.Join(", ", copies.Where(c => c.Copies != 1).Select(c => $"{c.Key} ×{c.Copies}")) + "\n" + Outputs());
        Stage($"{stored.Count} reports stored, none twice; {deliveries.Count} mails sent, each arrived once");

        // The session made before the failover is good on both instances.
        foreach (var (name, client) in new[] { ("a", cookieA), ("b", cookieB) })
        {
            var desk = await client.GetAsync("/Desk");
            Assert.True(desk.StatusCode == HttpStatusCode.OK, $"the session made before the failover on instance {name}: {desk.StatusCode} {desk.Headers.Location}");
        }

        Assert.False(a.HasExited || second.HasExited, "an instance ended:\n" + Outputs());
        output.WriteLine(load.Summary(killedAt));
    }

    /// <summary>True while the clients go on; a client that failed (an unexpected answer) fails the test at once.</summary>
    private static bool Going(List<Task> clients)
    {
        if (clients.FirstOrDefault(c => c.IsFaulted) is { } failed)
        {
            failed.GetAwaiter().GetResult();
        }

        return true;
    }

    /// <summary>What the clients saw; times are Stopwatch timestamps.</summary>
    private sealed class Load
    {
        public ConcurrentDictionary<string, long> Acknowledged { get; } = new();

        /// <summary>Repeats told "carried out, answer lost" (409 with done).</summary>
        public ConcurrentDictionary<string, byte> DoneWithoutAnswer { get; } = new();

        public ConcurrentQueue<long> ToReturn { get; } = new();

        public long KilledAt { get; set; }

        private int _returns;
        private int _returnsAfterKill;
        private int _failed;
        private int _busy;
        private int _replayed;
        private long _firstFailure;
        private long _lastFailure;
        private long _firstSuccessAfterKill;
        private long _longest;

        public int ReturnsAcknowledged => Volatile.Read(ref _returns);

        public int ReturnsAfterKill => Volatile.Read(ref _returnsAfterKill);

        public void Returned()
        {
            Interlocked.Increment(ref _returns);
            if (KilledAt != 0)
            {
                Interlocked.Increment(ref _returnsAfterKill);
            }
        }

        /// <summary>An attempt without a definite answer (a server error or a broken connection): the client repeats it.</summary>
        public void Failed()
        {
            var now = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _failed);
            Interlocked.CompareExchange(ref _firstFailure, now, 0);
            Interlocked.Exchange(ref _lastFailure, now);
        }

        /// <summary>"Still being handled" (409): the client waits and repeats.</summary>
        public void Busy() => Interlocked.Increment(ref _busy);

        public void Replayed() => Interlocked.Increment(ref _replayed);

        public void Answered(long started)
        {
            var now = Stopwatch.GetTimestamp();
            if (KilledAt != 0 && started >= KilledAt)
            {
                Interlocked.CompareExchange(ref _firstSuccessAfterKill, now, 0);
            }

            var took = now - started;
            long longest;
            while (took > (longest = Interlocked.Read(ref _longest)) && Interlocked.CompareExchange(ref _longest, took, longest) != longest)
            {
            }
        }

        public string Summary(long killedAt)
        {
            static string Seconds(long from, long to) => to == 0 || from == 0 ? "—" : $"{Stopwatch.GetElapsedTime(from, to).TotalSeconds:0.0} s";
            return $"reports acknowledged {Acknowledged.Count}, carried out with the answer lost {DoneWithoutAnswer.Count}, returns {ReturnsAcknowledged}; "
                + $"attempts failed (5xx or connection) {_failed}, told “being handled” {_busy}, replayed answers {_replayed}; "
                + $"first failure {Seconds(killedAt, _firstFailure)} after the kill, last {Seconds(killedAt, _lastFailure)}; "
                + $"first request started after the kill answered {Seconds(killedAt, _firstSuccessAfterKill)} after it; longest answered request {TimeSpan.FromTicks(_longest * TimeSpan.TicksPerSecond / Stopwatch.Frequency).TotalSeconds:0.0} s";
        }
    }

    private static async Task ReportLoopAsync(Load load, HttpClient http, string who, int taskId, DateOnly today, CancellationToken stop)
    {
        for (var seq = 1; !stop.IsCancellationRequested; seq++)
        {
            var progress = $"故障切换{who}-{seq}";
            var (status, body) = await UntilAnsweredAsync(load, http, $"/api/tasks/{taskId}/reports", $"report-{who}-{seq}", new { progress, percent = 10, periodDate = today });
            if (status == HttpStatusCode.Created)
            {
                var id = body.GetProperty("id").GetInt64();
                load.Acknowledged[progress] = id;
                if (seq % 3 == 0)
                {
                    load.ToReturn.Enqueue(id);
                }
            }
            else
            {
                load.DoneWithoutAnswer[progress] = 0;
            }
        }
    }

    private static async Task ReturnLoopAsync(Load load, HttpClient http, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (!load.ToReturn.TryDequeue(out var id))
            {
                await Task.Delay(50, CancellationToken.None);
                continue;
            }

            await UntilAnsweredAsync(load, http, $"/api/reports/{id}/return", $"return-{id}", new { reason = "请补充量化数据" });
            load.Returned();
        }
    }

    /// <summary>Sends the request until it has a definite answer: created, or "carried out" for a repeat
    /// whose first answer was lost. Without an answer (a broken connection, a server error) or while
    /// the first copy is still being handled, it is sent again with the same key.</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> UntilAnsweredAsync(Load load, HttpClient http, string url, string key, object body)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            Assert.True(watch.Elapsed < Patience, $"{url} with key {key}: no answer after {Patience}");
            var started = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                load.Failed();
                await Task.Delay(200);
                continue;
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    load.Answered(started);
                    if (response.Headers.Contains("Idempotent-Replayed"))
                    {
                        load.Replayed();
                    }

                    return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
                }

                if ((int)response.StatusCode >= 500)
                {
                    load.Failed();
                    await Task.Delay(200);
                    continue;
                }

                Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{url} with key {key}: {response.StatusCode} {text}");
                var problem = JsonDocument.Parse(text).RootElement.Clone();
                if (problem.TryGetProperty("done", out var done) && done.GetBoolean())
                {
                    load.Answered(started);
                    return (response.StatusCode, problem);
                }

                load.Busy();
                await Task.Delay(500);
            }
        }
    }

    private static async Task<Dictionary<string, int>> ProgressCountsAsync(NpgsqlConnection db, int unitId)
    {
        await using var command = new NpgsqlCommand("SELECT \"Progress\", count(*) FROM \"Reports\" WHERE \"UnitId\" = @unit GROUP BY \"Progress\"", db);
        command.Parameters.AddWithValue("unit", unitId);
        var counts = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return counts;
    }

    private static async Task<List<(Guid Key, string Status)>> DeliveriesAsync(NpgsqlConnection db, int unitId)
    {
        await using var command = new NpgsqlCommand("SELECT \"MessageKey\", \"Status\" FROM \"NoticeDeliveries\" WHERE \"UnitId\" = @unit", db);
        command.Parameters.AddWithValue("unit", unitId);
        var rows = new List<(Guid, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), ((DeliveryStatus)reader.GetInt32(1)).ToString()));
        }

        return rows;
    }

    private static async Task UntilAsync(Func<Task<bool>> done, string what, Formation formation, Func<string> outputs)
    {
        var watch = Stopwatch.StartNew();
        while (!await done())
        {
            if (watch.Elapsed > Patience)
            {
                Assert.Fail($"timed out waiting until {what}\nmonitor:\n{await formation.StateAsync()}\n{outputs()}");
            }

            await Task.Delay(100);
        }
    }

    private static AppProcess Instance(string connectionString, string folder, string name, int port, string smtpHost, string smtpPort)
    {
        var own = Path.Combine(folder, name);
        Directory.CreateDirectory(own);
        return AppProcess.Start(own, new Dictionary<string, string>
        {
            ["ConnectionStrings__Luoshi"] = connectionString,
            ["Demo__SeedOnFirstRun"] = "false",
            // The keys are in the database (no DataProtection__Folder): a session is good on both instances.
            ["Evidence__Folder"] = Path.Combine(folder, "evidence"),
            ["Record__AnchorFile"] = Path.Combine(own, "record-anchors.log"),
            ["Scheduler__Poll"] = "00:00:00.500",
            ["Login__RequireTwoFactor"] = "false",
            ["Notices__Smtp__Host"] = smtpHost,
            ["Notices__Smtp__Port"] = smtpPort,
            ["Notices__Smtp__From"] = "duban@luoshi.test",
            ["Notices__Smtp__SecureSocket"] = "None",
            ["Notices__FirstRetry"] = "00:00:01",
            ["Notices__QuietHours__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        }, "serve", "--urls", $"http://127.0.0.1:{port}");
    }

    private static HttpClient CookieClient(string address, CookieContainer cookies) =>
        new(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };

    private static async Task<HttpClient> TokenClientAsync(string address, string login)
    {
        // Longer than the app's wait for a primary (a minute): a request waiting out the failover is not cut off here.
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(3) };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = login, password = Bureau.Password });
        Assert.True(response.IsSuccessStatusCode, $"token from {address}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningOn();

    private sealed record TokenResponse(string AccessToken);
}
