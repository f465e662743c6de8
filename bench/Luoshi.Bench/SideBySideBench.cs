using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Luoshi.Bench;

/// <summary>
/// The Redmine-style side-by-side: the same scenarios a Redmine benchmark runs (a person's open tasks by
/// due date, as the office and as the staff member himself; open tasks due by a date; one task with its 10
/// reports as JSON and as a page; the dashboard as JSON and as a page; creating a task; submitting a
/// report), each driven by wrk with 2 threads and 16 connections and then with one connection, against the
/// app running as its own Release process on the 100k-task bureau of <see cref="PagesBench"/>. Prints a
/// Markdown table (req/s, p50, p99, one-client p50, the issue's target and whether it is met) and the
/// resident memory of the app and of the PostgreSQL server.
/// </summary>
internal static partial class SideBySideBench
{
    public const string Usage = """Luoshi.Bench sidebyside --postgres "…" [--database luoshi_bench_… (reuse)] [--seconds 10] [--warmup 5 (seconds per scenario in the first, unmeasured round)] [--only WORD (scenarios whose name contains it)]""";

    private const string StaffLogin = "bench-staff";

    private sealed record Scenario(string Name, string Method, string Path, string Auth, string? Body, double? TargetPerSecond, double? TargetP50);

    private sealed record Measured(Scenario Scenario, double PerSecond, double P50, double P99, double OneClientP50, long Failed, long Requests, double AppCpu, double PostgresCpu);

    public static async Task<int> RunAsync(string[] args)
    {
        var values = BenchOptions.Values(args);

        if (args.Length % 2 != 0 || values.GetValueOrDefault("postgres") is not { } maintenance)
        {
            Console.WriteLine(Usage);
            return 2;
        }

        if (Which("wrk") is null)
        {
            Console.WriteLine("需要 wrk（Debian 软件包 wrk；bench/run.sh 会安装）");
            return 2;
        }

        var seconds = int.Parse(values.GetValueOrDefault("seconds", "10"), CultureInfo.InvariantCulture);
        var warmUp = int.Parse(values.GetValueOrDefault("warmup", "5"), CultureInfo.InvariantCulture);
        var only = values.GetValueOrDefault("only");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; load: {File.ReadAllText("/proc/loadavg").Trim()}");

        // Generate (or reuse) the bureau in this process, then leave the app to its own process.
        Facts facts;
        string connection;
        await using (var server = values.TryGetValue("database", out var existing)
            ? await BenchServer.AttachAsync(maintenance, existing)
            : await BenchServer.StartAsync(maintenance))
        {
            var taskId = values.ContainsKey("database") ? await PagesBench.FindTaskAsync(server) : await PagesBench.GenerateAsync(server, maintenance);
            facts = await FactsAsync(server, taskId);
            connection = server.ConnectionString;
            Console.WriteLine($"database: {new NpgsqlConnectionStringBuilder(connection).Database} (pass --database to reuse); task page: /Tasks/{taskId}");
        }

        using var app = await AppProcess.StartAsync(connection);
        var officeCookie = await app.CookieAsync("bench-admin");
        var staffCookie = await app.CookieAsync(StaffLogin);
        var tokens = new Dictionary<string, string> { ["office"] = await app.TokenAsync("bench-admin"), ["staff"] = await app.TokenAsync(StaffLogin) };
        var tokenTime = Stopwatch.StartNew();
        string Header(string auth) => auth switch
        {
            "office-cookie" => $"Cookie: {officeCookie}",
            "staff-cookie" => $"Cookie: {staffCookie}",
            _ => $"Authorization: Bearer {tokens[auth]}",
        };

        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var start = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var scenarios = new List<Scenario>
        {
            new("a person's open tasks by due date, office (JSON)", "GET", $"/api/tasks?person={facts.StaffPersonId}&open=true&sort=due", "office", null, 1000, 2),
            new("the same, as the staff member himself (JSON)", "GET", $"/api/tasks?person={facts.StaffPersonId}&open=true&sort=due", "staff", null, 1000, 2),
            new("open tasks due by a date, office (JSON)", "GET", $"/api/tasks?dueBefore={due}&open=true&sort=due", "office", null, 1000, 2),
            new("a section's red tasks, office (JSON)", "GET", $"/api/tasks?section={facts.SectionId}&light=red", "office", null, 1000, 2),
            new("one task's 10 reports, office (JSON)", "GET", $"/api/tasks/{facts.TaskId}/reports", "office", null, null, null),
            new("one task's page, office", "GET", $"/Tasks/{facts.TaskId}", "office-cookie", null, 400, 5),
            new("one task's page, staff member", "GET", $"/Tasks/{facts.TaskId}", "staff-cookie", null, 400, 5),
            new("dashboard, office (JSON)", "GET", "/api/dashboard", "office", null, null, null),
            new("dashboard page, office", "GET", "/", "office-cookie", null, 300, 5),
            new("dashboard page, staff member", "GET", "/", "staff-cookie", null, 300, 5),
            new("create a task, office (JSON)", "POST", "/api/tasks",
                "office", $$$"""{"task":{"planId":{{{facts.PlanId}}},"title":"压测新建任务%s","leadSectionId":{{{facts.SectionId}}},"responsiblePersonId":{{{facts.StaffPersonId}}},"startDate":"{{{start}}}","dueDate":"{{{due}}}"}}""", null, null),
            new("submit a report, office (JSON, recorded)", "POST", "/api/tasks/{task}/reports",
                "office", """{"progress":"压测报送%s：本月按计划推进。","percent":50,"confirmFigures":true}""", 1000, null),
        };

        var postmaster = await PostmasterAsync(connection);
        var results = new List<Measured>();
        var chosen = scenarios.Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();

        // A first round through every chosen scenario before any is measured: the runtime compiles its hot
        // methods again, optimised, after their first thousands of calls (tiered compilation), on a thread
        // of its own. Measured right after a 2 s warm-up, the first scenario paid for much of that (the
        // office's person list, first in the table, showed 40% more app CPU than the same list measured
        // again a minute later); a server that has run for a while has long done it.
        foreach (var scenario in chosen)
        {
            await Wrk(app.BaseAddress, Script(scenario, Header(scenario.Auth), facts.OpenTaskIds), 2, 16, warmUp);
        }

        foreach (var scenario in chosen)
        {
            if (tokenTime.Elapsed > TimeSpan.FromMinutes(10))
            {
                // Access tokens last 15 minutes: a long run takes new ones.
                (tokens["office"], tokens["staff"]) = (await app.TokenAsync("bench-admin"), await app.TokenAsync(StaffLogin));
                tokenTime.Restart();
            }

            var script = Script(scenario, Header(scenario.Auth), facts.OpenTaskIds);
            await Wrk(app.BaseAddress, script, 2, 16, 2); // warm-up
            var (appBefore, postgresBefore) = (CpuMilliseconds([app.ProcessId]), CpuMilliseconds(PostgresProcesses(postmaster)));
            var many = await Wrk(app.BaseAddress, script, 2, 16, seconds);
            var (appCpu, postgresCpu) = ((CpuMilliseconds([app.ProcessId]) - appBefore) / many.Requests, (CpuMilliseconds(PostgresProcesses(postmaster)) - postgresBefore) / many.Requests);
            var one = await Wrk(app.BaseAddress, script, 1, 1, Math.Max(2, seconds / 2));
            results.Add(new Measured(scenario, many.PerSecond, many.P50, many.P99, one.P50, many.Failed + one.Failed, many.Requests, appCpu, postgresCpu));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {scenario.Name}: {many.PerSecond:F0} req/s, p50 {many.P50:F2} ms, p99 {many.P99:F2} ms, one client p50 {one.P50:F2} ms, failed {many.Failed + one.Failed}, CPU per request: app {appCpu:F2} ms, PostgreSQL {postgresCpu:F2} ms"));
        }

        var appRss = Rss(app.ProcessId);
        var postgres = PostgresProcesses(postmaster);
        var postgresRss = postgres.Sum(Rss);
        Console.WriteLine();
        Console.WriteLine(Render(results));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RSS after the run: app {appRss / 1024.0:F0} MB (peak {Peak(app.ProcessId) / 1024.0:F0} MB); PostgreSQL {postgresRss / 1024.0:F0} MB in {postgres.Count} processes (VmRSS summed: shared buffers count once per process that touched them); load: {File.ReadAllText("/proc/loadavg").Trim()}"));
        return 0;
    }

    private static string Render(List<Measured> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | req/s (16 conn.) | p50 ms | p99 ms | one client p50 ms | failed | CPU ms/req app + PostgreSQL | target | met? |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var r in results)
        {
            var s = r.Scenario;
            var target = (s.TargetPerSecond, s.TargetP50) switch
            {
                (null, null) => "—",
                ({ } rate, null) => string.Create(CultureInfo.InvariantCulture, $"≥ {rate:N0}/s"),
                (null, { } p50) => string.Create(CultureInfo.InvariantCulture, $"p50 ≤ {p50} ms"),
                ({ } rate, { } p50) => string.Create(CultureInfo.InvariantCulture, $"≥ {rate:N0}/s, one-client p50 ≤ {p50} ms"),
            };
            var met = target == "—" ? "—"
                : (s.TargetPerSecond is not { } t || r.PerSecond >= t) && (s.TargetP50 is not { } p || r.OneClientP50 <= p) && r.Failed == 0 ? "yes" : "no";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | {r.PerSecond:N0} | {r.P50:F2} | {r.P99:F2} | {r.OneClientP50:F2} | {r.Failed} | {r.AppCpu:F2} + {r.PostgresCpu:F2} | {target} | {met} |");
        }

        return text.ToString();
    }

    /// <summary>The wrk script of a scenario: its headers, and for a POST a body made unique by the
    /// thread's number and a counter (and, for reports, a task taken in turn from the open tasks, so
    /// that submissions do not all wait on one task's row lock).</summary>
    private static string Script(Scenario s, string header, IReadOnlyList<int> taskIds)
    {
        var (name, value) = (header[..header.IndexOf(':', StringComparison.Ordinal)], header[(header.IndexOf(':', StringComparison.Ordinal) + 2)..]);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"wrk.method = \"{s.Method}\"");
        text.AppendLine(CultureInfo.InvariantCulture, $"wrk.headers[\"{name}\"] = \"{value}\"");
        if (s.Body is null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"wrk.path = \"{s.Path}\"");
            return text.ToString();
        }

        text.AppendLine("wrk.headers[\"Content-Type\"] = \"application/json\"");
        text.AppendLine("local threads = 0");
        text.AppendLine("function setup(thread) threads = threads + 1; thread:set(\"tag\", threads) end");
        text.AppendLine("local counter = 0");
        text.AppendLine(CultureInfo.InvariantCulture, $"local tasks = {{{string.Join(",", taskIds)}}}");
        text.AppendLine(CultureInfo.InvariantCulture, $"local stamp = \"{DateTime.UtcNow:HHmmss}\"");
        text.AppendLine(CultureInfo.InvariantCulture, $$"""
            function request()
              counter = counter + 1
              local unique = stamp .. "-" .. tostring(tag) .. "-" .. tostring(counter)
              local path = string.gsub("{{s.Path}}", "{task}", tostring(tasks[((counter * 7 + (tag or 0) * 1000) % #tasks) + 1]))
              local body = string.format('{{s.Body.Replace("'", "\\'", StringComparison.Ordinal)}}', unique)
              return wrk.format(nil, path, nil, body)
            end
            """);
        return text.ToString();
    }

    private sealed record WrkResult(double PerSecond, double P50, double P99, long Failed, long Requests);

    private static async Task<WrkResult> Wrk(string baseAddress, string script, int threads, int connections, int seconds)
    {
        var file = Path.Combine(Path.GetTempPath(), $"luoshi-wrk-{Environment.ProcessId}.lua");
        await File.WriteAllTextAsync(file, script);
        var info = new ProcessStartInfo("wrk", ["-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s", "--latency", "-s", file, baseAddress]) { RedirectStandardOutput = true, RedirectStandardError = true };
        string output;
        try
        {
            using var wrk = Process.Start(info)!;
            output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
        }
        finally
        {
            File.Delete(file); // it holds a live cookie or token
        }

        var rate = Number(RateLine().Match(output), "Requests/sec");
        var requests = long.Parse(RequestsLine().Match(output) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("wrk: " + output), CultureInfo.InvariantCulture);
        var failed = (NonSuccessLine().Match(output) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0)
            + (SocketErrorsLine().Match(output) is { Success: true } e ? e.Groups.Cast<Group>().Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0);
        return new WrkResult(rate, Latency(output, "50%"), Latency(output, "99%"), failed, requests);
    }

    private static double Number(Match match, string what) =>
        match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException($"wrk printed no {what}");

    /// <summary>A percentile of wrk's latency distribution, in milliseconds.</summary>
    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new InvalidOperationException($"wrk printed no {percentile} latency: {output}");
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private sealed record Facts(int TaskId, int StaffPersonId, int SectionId, int PlanId, IReadOnlyList<int> OpenTaskIds);

    /// <summary>A login for the staff member of the section head's section (the generator makes only the
    /// office's and the head's), and the ids the scenarios name.</summary>
    private static async Task<Facts> FactsAsync(BenchServer server, int taskId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        var task = await db.Tasks.IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.Id == taskId);
        var staff = task.ResponsiblePersonId!.Value;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(StaffLogin) is null)
        {
            var result = await users.CreateAsync(new AppUser { UserName = StaffLogin, UnitId = task.UnitId, PersonId = staff }, Generator.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }

        // Reports go to open, unrestricted tasks across all sections, 2,000 of them taken in turn.
        var open = await db.Tasks.IgnoreQueryFilters().Where(t => t.UnitId == task.UnitId && t.CompletedOn == null && !t.Restricted && t.ParentId == null)
            .OrderBy(t => t.Id).Select(t => t.Id).Take(2000).ToListAsync();
        return new Facts(taskId, staff, task.LeadSectionId, task.PlanId, open);
    }

    private static long Rss(int pid) => StatusKilobytes(pid, "VmRSS");

    private static long Peak(int pid) => StatusKilobytes(pid, "VmHWM");

    private static long StatusKilobytes(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // the process ended meanwhile
        }
    }

    /// <summary>The server's postmaster, from its data directory's postmaster.pid.</summary>
    private static async Task<int> PostmasterAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var folder = (string)(await new NpgsqlCommand("SHOW data_directory", connection).ExecuteScalarAsync())!;
        return int.Parse(File.ReadLines(Path.Combine(folder, "postmaster.pid")).First().Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The postmaster and every process it started: backends, checkpointer, WAL writer and the rest.</summary>
    private static List<int> PostgresProcesses(int postmaster)
    {
        var pids = new List<int> { postmaster };
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != postmaster && Stat(pid) is { } stat && stat[0] == postmaster)
            {
                pids.Add(pid);
            }
        }

        return pids;
    }

    /// <summary>User and system CPU of the processes and of their children that ended, in milliseconds.</summary>
    private static double CpuMilliseconds(IEnumerable<int> pids) =>
        pids.Select(Stat).OfType<long[]>().Sum(s => s[10] + s[11] + s[12] + s[13]) * 1000.0 / 100; // USER_HZ is 100 on Linux

    /// <summary>Fields 4 to 18 of /proc/PID/stat (parent first, then …, utime at 10, stime 11, cutime 12, cstime 13), or null when the process is gone.</summary>
    private static long[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return [.. stat[(stat.LastIndexOf(')') + 2)..].Split(' ').Skip(1).Take(15).Select(f => long.Parse(f, CultureInfo.InvariantCulture))];
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();

    /// <summary>The app as a Release process of its own (the build beside this bench's), with the same
    /// settings as <see cref="BenchServer"/>: no scheduler, no two-step sign-in, warnings only.</summary>
    private sealed partial class AppProcess : IDisposable
    {
        private readonly Process _process;

        private AppProcess(Process process, string baseAddress) => (_process, BaseAddress) = (process, baseAddress);

        public string BaseAddress { get; }

        public int ProcessId => _process.Id;

        public static async Task<AppProcess> StartAsync(string connectionString)
        {
            var project = FindProject();
            var dll = Path.Combine(project, "bin", "Release", "net10.0", "Luoshi.dll");
            if (!File.Exists(dll))
            {
                throw new InvalidOperationException($"{dll} is missing: build with -c Release first");
            }

            var port = FreePort();
            var folder = Directory.CreateTempSubdirectory("luoshi-sidebyside-").FullName;
            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = project, // wwwroot, as when served from the project
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in (string[])[dll, "serve", $"--urls=http://127.0.0.1:{port}", $"--ConnectionStrings:Luoshi={connectionString}", "--Demo:SeedOnFirstRun=false",
                "--Scheduler:Enabled=false", "--Login:RequireTwoFactor=false", "--Notices:Smtp:Host=127.0.0.1", "--Notices:Smtp:From=bench@luoshi.local",
                $"--DataProtection:Folder={folder}/keys", $"--Evidence:Folder={folder}/evidence", "--Logging:LogLevel:Default=Warning"])
            {
                info.ArgumentList.Add(arg);
            }

            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            var process = Process.Start(info)!;
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var app = new AppProcess(process, $"http://127.0.0.1:{port}");
            using var client = new HttpClient { BaseAddress = new Uri(app.BaseAddress) };
            var waited = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"the app ended with {process.ExitCode}: {output}");
                }

                try
                {
                    if ((await client.GetAsync("/Account/Login")).IsSuccessStatusCode)
                    {
                        return app;
                    }
                }
                catch (HttpRequestException)
                {
                }

                if (waited.Elapsed > TimeSpan.FromMinutes(5))
                {
                    process.Kill();
                    throw new InvalidOperationException($"the app did not answer within 5 minutes: {output}");
                }

                await Task.Delay(500);
            }
        }

        /// <summary>The Cookie header of a login made through the page, as a browser would.</summary>
        public async Task<string> CookieAsync(string login)
        {
            var cookies = new CookieContainer();
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseAddress) };
            await BenchServer.SignInThroughThePageAsync(client, login);
            return cookies.GetCookieHeader(new Uri(BaseAddress));
        }

        public async Task<string> TokenAsync(string login)
        {
            using var client = new HttpClient { BaseAddress = new Uri(BaseAddress) };
            var response = await client.PostAsync("/api/auth/token", new StringContent($$"""{"userName":"{{login}}","password":"{{Generator.Password}}"}""", Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
            return TokenField().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private static string FindProject()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var project = Path.Combine(dir.FullName, "src", "Luoshi");
                if (File.Exists(Path.Combine(project, "Luoshi.csproj")))
                {
                    return project;
                }
            }

            throw new InvalidOperationException("src/Luoshi not found above " + AppContext.BaseDirectory);
        }

        private static int FreePort()
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        [GeneratedRegex("\"accessToken\"\\s*:\\s*\"([^\"]+)\"")]
        private static partial Regex TokenField();
    }
}
