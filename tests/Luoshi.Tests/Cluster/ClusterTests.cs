using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace Luoshi.Tests.Cluster;

/// <summary>
/// Two app processes on one PostgreSQL database behind nginx, as <c>scripts/cluster.sh</c> deploys them:
/// a session made through one instance is good on the other, a write through one is seen by the other on
/// its next page and drops the other's cached plan, the client's address (not nginx's) reaches the
/// security log, and the day's jobs run on one instance only, until it stops and the other takes over.
/// </summary>
public partial class ClusterTests(ITestOutputHelper output)
{
    /// <summary>The client's own loopback address: nginx listens on 127.0.0.1 and reaches the apps from
    /// there, so an app that logs 127.0.0.2 read it from X-Forwarded-For.</summary>
    private static readonly IPAddress ClientAddress = IPAddress.Parse("127.0.0.2");

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [ClusterFact]
    public async Task TwoInstancesBehindNginxShareSessionsWritesAndOneSchedulerLeader()
    {
        var total = Stopwatch.StartNew();
        void Stage(string what) => output.WriteLine($"{total.Elapsed.TotalSeconds,6:0.0} s  {what}");
        var b = await Bureau.CreateAsync("cluster");
        var today = DateOnly.FromDateTime(DateTime.Now);
        var task = await b.TaskAsync(b.SectionA, today.AddDays(-60), today.AddDays(60), change: t => t.ResponsiblePersonId = b.Person("staffA"));
        var folder = Directory.CreateTempSubdirectory("luoshi-cluster-").FullName;
        var evidence = Path.Combine(folder, "evidence");

        // Heard as the instances hear each other: the test listens on the same channel.
        await using var listener = new NpgsqlConnection(b.App.ConnectionString);
        await listener.OpenAsync();
        var heard = new List<(string Payload, long At)>();
        listener.Notification += (_, e) => { lock (heard) { heard.Add((e.Payload, Stopwatch.GetTimestamp())); } };
        await using (var listen = new NpgsqlCommand("LISTEN luoshi_writes", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        // Npgsql raises notifications only while it reads the connection.
        using var stopListening = new CancellationTokenSource();
        var listening = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    await listener.WaitAsync(stopListening.Token);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        try
        {
            var (portA, portB) = (Nginx.FreePort(), Nginx.FreePort());
            using var a = Instance(b.App.ConnectionString, folder, "a", evidence, portA);
            await a.WaitForAsync(ListeningOn(), Patience);
            // The first instance took the lock and runs the day's jobs; the second starts while it holds it.
            await a.WaitForAsync(Leads(), Patience);
            using var second = Instance(b.App.ConnectionString, folder, "b", evidence, portB);
            await second.WaitForAsync(ListeningOn(), Patience);
            await second.WaitForAsync(Follows(), Patience);
            Stage("two instances listening, b follows a");
            using var nginx = Nginx.Start(folder, portA, portB);

            var cookies = new CookieContainer();
            using var viaNginx = Client(nginx.Address, cookies, ClientAddress);
            using var direct = Client($"http://127.0.0.1:{portA}", cookies, null);
            using var directB = Client($"http://127.0.0.1:{portB}", cookies, null);

            // Signing in through nginx: the form (and its anti-forgery token) may come from one instance and
            // the post go to the other; both read the keys from the database.
            var pages = new PageClient(viaNginx);
            var signIn = await pages.PostFormAsync("/Account/Login", new() { ["UserName"] = b.People["staffA"].Login, ["Password"] = Bureau.Password });
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"sign-in through nginx: {signIn.StatusCode}\n{nginx.ErrorLog}");

            // The session is good on each instance, asked directly.
            foreach (var (name, client) in new[] { ("a", direct), ("b", directB) })
            {
                var desk = await client.GetAsync("/Desk");
                Assert.True(desk.StatusCode == HttpStatusCode.OK, $"the session made through nginx on instance {name}: {desk.StatusCode} {desk.Headers.Location}");
            }

            // nginx spreads the pages over both instances.
            var served = new HashSet<string>();
            for (var i = 0; i < 6; i++)
            {
                var page = await viaNginx.GetAsync("/Desk");
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                served.UnionWith(page.Headers.GetValues("X-Luoshi-Upstream"));
            }

            Assert.Equal(new[] { $"127.0.0.1:{portA}", $"127.0.0.1:{portB}" }.Order(StringComparer.Ordinal), served.Order(StringComparer.Ordinal));

            // The client's address, not nginx's, is what the instance that signed staffA in logged.
            var signedIn = $"登录成功：{b.People["staffA"].Login}，地址 {ClientAddress}";
            Assert.True(a.Output.Contains(signedIn, StringComparison.Ordinal) || second.Output.Contains(signedIn, StringComparison.Ordinal),
                $"no “{signedIn}” in either log:\n--- a\n{a.Output}\n--- b\n{second.Output}");

            Stage("signed in through nginx; the session holds on both instances; the client's address logged");
            // A write through A is on B's task page at its next view; the delay is measured.
            var staffOnA = await TokenClientAsync($"http://127.0.0.1:{portA}", b.People["staffA"].Login);
            var staffOnB = await TokenClientAsync($"http://127.0.0.1:{portB}", b.People["staffA"].Login);
            var before = await directB.GetStringAsync($"/Tasks/{task.Id}");
            var progress = "集群进展" + Random.Shared.Next(100000, 999999);
            Assert.DoesNotContain(progress, before, StringComparison.Ordinal);
            var report = await staffOnA.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress, percent = 10, periodDate = today });
            Assert.True(report.StatusCode == HttpStatusCode.Created, $"report through a: {report.StatusCode} {await report.Content.ReadAsStringAsync()}");
            var watch = Stopwatch.StartNew();
            var views = 0;
            while (!(await directB.GetStringAsync($"/Tasks/{task.Id}")).Contains(progress, StringComparison.Ordinal))
            {
                views++;
                Assert.True(watch.Elapsed < Patience, $"instance b did not show the report after {Patience}:\n{second.Output}");
                await Task.Delay(10);
            }

            output.WriteLine($"a report through instance a was on instance b's task page {watch.Elapsed.TotalMilliseconds:0} ms later ({views} stale views)");

            // The plan cache: B reads the plan (monthly) for a report, A changes it to quarterly, and B's
            // next report is already quarterly: the change's notice dropped B's cached plan, which it would
            // otherwise keep for a minute.
            // B's cached plan lives a minute from this report at the earliest.
            var cached = Stopwatch.StartNew();
            var monthly = await ReportPeriodDaysAsync(b, staffOnB, task.Id, today);
            Assert.True(monthly <= 31, $"a monthly period of {monthly} days");
            using var admin = await TokenClientAsync($"http://127.0.0.1:{portA}", b.People["admin"].Login);
            var plan = await admin.PutAsJsonAsync($"/api/plans/{b.PlanId}", new { title = "测试工作要点", year = 2026, cadence = "Quarterly", reportGraceDays = 3 });
            Assert.True(plan.StatusCode == HttpStatusCode.OK, $"plan change through a: {plan.StatusCode} {await plan.Content.ReadAsStringAsync()}");
            var changed = Stopwatch.StartNew();
            await UntilAsync(() => Heard(heard).Any(p => p.Payload.Contains($"plan:{b.PlanId}", StringComparison.Ordinal)), "the plan's eviction is published", a, second);
            output.WriteLine($"the plan change through a was heard on the channel {changed.Elapsed.TotalMilliseconds:0} ms after a answered");
            // B, listening on its own connection, hears it as soon as the test did. Only a quarterly report
            // well inside the cached plan's minute shows the notice dropped it (after the minute it expires anyway).
            while (await ReportPeriodDaysAsync(b, staffOnB, task.Id, today) < 89)
            {
                Assert.True(cached.Elapsed < TimeSpan.FromSeconds(55),
                    $"instance b still reported monthly {cached.Elapsed.TotalSeconds:0} s after it read the plan: the change's notice did not drop its cached plan\n--- b\n{second.Output}");
                await Task.Delay(50);
            }

            output.WriteLine($"instance b's next report was quarterly {changed.Elapsed.TotalMilliseconds:0} ms after a answered");
            Stage("writes through a seen by b");

            // The day's jobs ran once: on A, the leader. B never ran them.
            Assert.Single(DailyRuns().Matches(a.Output));
            Assert.Empty(DailyRuns().Matches(second.Output));
            // A stops: its lock goes with its connection, and B takes the lead and runs the day.
            a.Kill();
            await second.WaitForAsync(Leads(), Patience);
            await second.WaitForAsync(DailyRuns(), Patience);
            Stage("a killed; b leads and ran the day");
        }
        finally
        {
            // Before the connection is closed: a connection still waiting cannot be.
            await stopListening.CancelAsync();
            await listening;
        }

        output.WriteLine($"notices heard: {Heard(heard).Count}");
    }

    private static AppProcess Instance(string connectionString, string folder, string name, string evidence, int port)
    {
        var own = Path.Combine(folder, name);
        Directory.CreateDirectory(own);
        return AppProcess.Start(own, new Dictionary<string, string>
        {
            ["ConnectionStrings__Luoshi"] = connectionString,
            ["Demo__SeedOnFirstRun"] = "false",
            // Shared: the evidence folder. The keys are in the database (no DataProtection__Folder).
            ["Evidence__Folder"] = evidence,
            ["Record__AnchorFile"] = Path.Combine(own, "record-anchors.log"),
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
            ["Scheduler__Poll"] = "00:00:00.500",
            ["Login__RequireTwoFactor"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["Logging__LogLevel__Luoshi.Security"] = "Information",
            ["Logging__LogLevel__Luoshi.Features.Shared.Jobs"] = "Information",
        }, "serve", "--urls", $"http://127.0.0.1:{port}");
    }

    /// <summary>A client with the given cookies; with <paramref name="from"/>, its connections come from that loopback address.</summary>
    private static HttpClient Client(string address, CookieContainer cookies, IPAddress? from)
    {
        var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        if (from is not null)
        {
            handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
    }

    private static async Task<HttpClient> TokenClientAsync(string address, string login)
    {
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = login, password = Bureau.Password });
        Assert.True(response.IsSuccessStatusCode, $"token from {address}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>Submits a report for today's period through the client; the length of the period the instance chose.</summary>
    private static async Task<int> ReportPeriodDaysAsync(Bureau b, HttpClient client, int taskId, DateOnly today)
    {
        var response = await client.PostAsJsonAsync($"/api/tasks/{taskId}/reports", new { progress = "按期推进" + Random.Shared.Next(1000, 9999), periodDate = today });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"report: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var latest = await b.WithDbAsync(d => d.Reports.Where(r => r.TaskId == taskId).OrderByDescending(r => r.Id).Select(r => new { r.PeriodStart, r.PeriodEnd }).FirstAsync());
        return latest.PeriodEnd.DayNumber - latest.PeriodStart.DayNumber + 1;
    }

    private static List<(string Payload, long At)> Heard(List<(string Payload, long At)> heard)
    {
        lock (heard)
        {
            return [.. heard];
        }
    }

    private static Task UntilAsync(Func<bool> done, string what, AppProcess a, AppProcess b) => UntilAsync(() => Task.FromResult(done()), what, a, b);

    private static async Task UntilAsync(Func<Task<bool>> done, string what, AppProcess a, AppProcess b)
    {
        var watch = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(watch.Elapsed < Patience, $"timed out waiting until {what}\n--- a\n{a.Output}\n--- b\n{b.Output}");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningOn();

    [GeneratedRegex("本实例成为调度主实例")]
    private static partial Regex Leads();

    [GeneratedRegex("另一实例为调度主实例")]
    private static partial Regex Follows();

    [GeneratedRegex("每日任务 催办督办 已运行")]
    private static partial Regex DailyRuns();

    private sealed record TokenResponse(string AccessToken);
}
