using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Luoshi.Data;
using Luoshi.Features.Imports;
using Luoshi.Features.Instructions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Luoshi.Bench;

/// <summary>
/// The two pages people open most, rendered in full over HTTP with a signed-in cookie (header badges,
/// anti-forgery tokens and all): a task with its 10 reports, a 批示 and a paragraph of the imported
/// document it came from (a 150 KB document), and the dashboard, as the office and as a section head,
/// with one client and with 16 at once; the same facts as JSON beside them. Before the timing, each page
/// is fetched once with EF Core's diagnostics on, to print how many SQL commands it runs and their time.
/// <c>--database NAME</c> reuses a bureau an earlier run generated (it prints the name), so runs of two
/// builds can alternate on the same data without generating it again.
/// </summary>
internal static partial class PagesBench
{
    public const string Usage = """Luoshi.Bench pages --postgres "…" [--seconds 5] [--database luoshi_bench_…] [--rounds 1] [--only task|dashboard] [--sql FILE (every SQL command of one request of each page)]""";

    public static async Task<int> RunAsync(string[] args)
    {
        var values = BenchOptions.Values(args);

        if (args.Length % 2 != 0 || values.GetValueOrDefault("postgres") is not { } maintenance)
        {
            Console.WriteLine(Usage);
            return 2;
        }

        var seconds = TimeSpan.FromSeconds(int.Parse(values.GetValueOrDefault("seconds", "5"), CultureInfo.InvariantCulture));
        var rounds = int.Parse(values.GetValueOrDefault("rounds", "1"), CultureInfo.InvariantCulture);
        var only = values.GetValueOrDefault("only");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; commit {Commit()}");

        await using var server = values.TryGetValue("database", out var existing)
            ? await BenchServer.AttachAsync(maintenance, existing)
            : await BenchServer.StartAsync(maintenance);
        var taskId = values.ContainsKey("database") ? await FindTaskAsync(server) : await GenerateAsync(server, maintenance);
        Console.WriteLine($"database: {new NpgsqlConnectionStringBuilder(server.ConnectionString).Database} (pass --database to reuse); task page: /Tasks/{taskId}");

        var office = await server.SignInAsync("bench-admin");
        var head = await server.SignInAsync("bench-head");
        var officeApi = server.Client(await server.TokenAsync("bench-admin", Generator.Password));
        var pages = new List<(string Name, HttpClient Client, string Url)>();
        if (only is null or "task")
        {
            pages.Add(("task page, office", office, $"/Tasks/{taskId}"));
            pages.Add(("task page, section head", head, $"/Tasks/{taskId}"));
        }

        if (only is null or "dashboard")
        {
            pages.Add(("dashboard page, office", office, "/"));
            pages.Add(("dashboard page, section head", head, "/"));
        }

        // EF Core looks at whether anyone listens only now and then: subscribe once, well before.
        var commands = new List<(TimeSpan Duration, string Text)>();
        using var observer = new CommandObserver(commands);
        using (DiagnosticListener.AllListeners.Subscribe(observer))
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            foreach (var (name, client, url) in pages)
            {
                Console.WriteLine($"{name}: {await CountQueriesAsync(client, url, observer, commands, values.GetValueOrDefault("sql"), name)}");
            }
        }

        var results = new List<Result>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, client, url) in pages)
            {
                await Scenarios.Run(name, client, 1, TimeSpan.FromSeconds(2), (_, c) => c.GetAsync(url)); // warm-up
                results.Add(await Scenarios.Run(name, client, 1, seconds, (_, c) => c.GetAsync(url)));
                results.Add(await Scenarios.Run(name, client, 16, seconds, (_, c) => c.GetAsync(url)));
            }

            if (only is null)
            {
                results.Add(await Scenarios.Run("same facts as JSON: the task's reports, office", officeApi, 16, seconds, (_, c) => c.GetAsync($"/api/tasks/{taskId}/reports")));
                results.Add(await Scenarios.Run("same facts as JSON: the dashboard, office", officeApi, 16, seconds, (_, c) => c.GetAsync("/api/dashboard")));
            }
        }

        Console.WriteLine();
        Console.WriteLine(Table.Render(results));
        return 0;
    }

    private static string Commit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true })!;
            return git.StandardOutput.ReadToEnd().Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    internal static async Task<int> GenerateAsync(BenchServer server, string maintenance)
    {
        var data = await Generator.FillAsync(server, new BenchOptions(maintenance, 100_000, 500, 10, TimeSpan.Zero, false));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data: {data.Tasks:N0} tasks, {data.Sections:N0} sections, {data.Reports:N0} reports (generated in {data.Elapsed.TotalSeconds:F0} s)"));
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        var taskId = await FindTaskAsync(server);
        var task = await db.Tasks.IgnoreQueryFilters().SingleAsync(t => t.Id == taskId);
        var admin = await db.People.IgnoreQueryFilters().Where(p => p.UnitId == task.UnitId && p.Role == Features.Organisation.Role.Admin).Select(p => p.Id).FirstAsync();
        var leader = await db.People.IgnoreQueryFilters().Where(p => p.UnitId == task.UnitId && p.Role == Features.Organisation.Role.Leader).Select(p => p.Id).FirstAsync();

        // An imported work report of ~150 KB: the task comes from one sentence in the middle of it.
        var text = new StringBuilder();
        for (var i = 0; i < 1500; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"（{i + 1}）围绕科技创新工作要点，各科室要按照职责分工抓好落实，确保各项任务按期完成，定期报送进展情况。\n");
        }

        var start = text.Length / 2;
        const string Sentence = "加快建设重点实验室，年内新增省级重点实验室两家。";
        text.Insert(start, Sentence);
        var document = new SourceDocument { UnitId = task.UnitId, FileName = "2026年科技工作要点.docx", Text = text.ToString(), Sha256 = new string('0', 64), UploadedById = admin, UploadedAt = DateTime.UtcNow };
        db.SourceDocuments.Add(document);
        await db.SaveChangesAsync();
        (task.SourceDocumentId, task.SourceStart, task.SourceEnd, task.SourceLabel) = (document.Id, start, start + Sentence.Length, "二、（三）");
        db.Instructions.Add(new Instruction { UnitId = task.UnitId, TaskId = task.Id, LeaderId = leader, Text = "请抓紧推进，按期完成。", WrittenAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return taskId;
    }

    /// <summary>The first task of the section head's section (sections[7] of the generator).</summary>
    internal static async Task<int> FindTaskAsync(BenchServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        var headPerson = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == "bench-head").Select(u => u.PersonId).SingleAsync();
        var section = await db.People.IgnoreQueryFilters().Where(p => p.Id == headPerson).Select(p => p.SectionId).SingleAsync();
        return await db.Tasks.IgnoreQueryFilters().Where(t => t.LeadSectionId == section && t.CompletedOn == null).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
    }

    /// <summary>SQL commands of one request of the page, from EF Core's diagnostic events (all
    /// commands of the process during the request: the bench sends nothing else meanwhile).</summary>
    private static async Task<string> CountQueriesAsync(HttpClient client, string url, CommandObserver observer, List<(TimeSpan Duration, string Text)> commands, string? sqlFile, string name)
    {
        observer.Stop();
        (await client.GetAsync(url)).EnsureSuccessStatusCode(); // compile and warm first
        (await client.GetAsync(url)).EnsureSuccessStatusCode(); // and fill what is kept between requests
        commands.Clear();
        var generation = WriteGeneration.Current;
        observer.Start();
        using (var response = await client.GetAsync(url))
        {
            response.EnsureSuccessStatusCode();
        }

        observer.Stop();
        var writes = WriteGeneration.Current - generation;
        if (sqlFile is not null)
        {
            await File.AppendAllLinesAsync(sqlFile, [$"== {name} ({url})", .. commands.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Duration.TotalMilliseconds,7:F2} ms  {Regex.Replace(c.Text, "\\s+", " ")}")), ""]);
        }

        var total = commands.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Duration);
        var top = commands.OrderByDescending(c => c.Duration).Take(3)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Duration.TotalMilliseconds:F1} ms {Squash(c.Text)}"));
        return string.Create(CultureInfo.InvariantCulture, $"{commands.Count} SQL commands, {total.TotalMilliseconds:F1} ms in all, write generation moved {writes}; slowest: {string.Join(" | ", top)}");
    }

    private static string Squash(string sql)
    {
        var line = Regex.Replace(sql, "\\s+", " ");
        return line.Length > 110 ? line[..110] + "…" : line;
    }

    private sealed class CommandObserver(List<(TimeSpan, string)> commands) : IObserver<DiagnosticListener>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];
        private volatile bool _stopped;

        private void Add(TimeSpan duration, string text)
        {
            lock (_subscriptions)
            {
                if (!_stopped)
                {
                    commands.Add((duration, text));
                }
            }
        }

        public void Stop() => _stopped = true;

        public void Start() => _stopped = false;

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                _subscriptions.Add(listener.Subscribe(new Events(this)));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose() => _subscriptions.ForEach(s => s.Dispose());

        private sealed class Events(CommandObserver owner) : IObserver<KeyValuePair<string, object?>>
        {
            public void OnNext(KeyValuePair<string, object?> e)
            {
                if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData executed)
                {
                    owner.Add(executed.Duration, executed.Command.CommandText);
                }
            }

            public void OnCompleted()
            {
            }

            public void OnError(Exception error)
            {
            }
        }
    }

}
