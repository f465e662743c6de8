using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Luoshi.Data;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Luoshi.Bench;

/// <summary>
/// The inbox after a bureau's first escalation run: one staff member with 100,000 unread notices (as
/// the office had 97,323), among 100,000 more for 200 colleagues, written by the app's own COPY path.
/// The badge is timed in-process (as every page pays it) against the COUNT it replaced; the inbox's
/// first page, a deep page by cursor and the filters over HTTP with a signed-in cookie; read-by-kind
/// and read-all once each, through the API.
/// </summary>
internal static partial class InboxBench
{
    public static async Task RunAsync(string maintenanceConnection, int notices = 100_000, int seconds = 5)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        await using var server = await BenchServer.StartAsync(maintenanceConnection);
        var (viewer, login, copied) = await FillAsync(server, notices);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data: {notices:N0} unread notices for the staff member and {notices:N0} for 200 colleagues, written by NoticeBatch.CopyAsync in {copied.TotalSeconds:F1} s (counts included)"));

        var lines = new List<string>
        {
            await TimeAsync(server, "badge: the kept count (Inbox.UnreadCountAsync)", (s, ct) => s.GetRequiredService<Inbox>().UnreadCountAsync(viewer, ct)),
            await TimeAsync(server, "badge as before: COUNT of the unread notices", (s, ct) => s.GetRequiredService<LuoshiDb>().Notices
                .CountAsync(n => n.UnitId == viewer.UnitId && n.RecipientId == viewer.PersonId && n.ReadAt == null, ct)),
        };

        var client = await server.SignInAsync(login);
        var token = await server.TokenAsync(login, Generator.Password);
        var api = server.Client(token);
        long deep;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            deep = await scope.ServiceProvider.GetRequiredService<LuoshiDb>().Notices
                .Where(n => n.RecipientId == viewer.PersonId).OrderByDescending(n => n.Id).Skip(notices * 9 / 10).Select(n => n.Id).FirstAsync();
        }

        var results = new List<Result>();
        async Task Measure(string name, HttpClient c, string url)
        {
            await Scenarios.Run(name, c, 1, TimeSpan.FromSeconds(1), (_, x) => x.GetAsync(url));
            results.Add(await Scenarios.Run(name, c, 1, TimeSpan.FromSeconds(seconds), (_, x) => x.GetAsync(url)));
        }

        await Measure("a light page with the header's badges (/Account/Password)", client, "/Account/Password");
        await Measure("/Notices, first page of 50", client, "/Notices");
        await Measure("/Notices, page 1,801 by cursor (90,000 newer)", client, $"/Notices?before={deep}");
        await Measure("/Notices, unread 督办 only", client, "/Notices?kind=Supervise&unread=true");
        await Measure("/api/notices, first page of 50", api, "/api/notices");
        await Measure("/api/notices, by cursor 90,000 deep", api, $"/api/notices?before={deep}");

        var byKind = await TimeOnceAsync(() => api.PostAsync("/api/notices/read-all?kind=Remind", null));
        var all = await TimeOnceAsync(() => api.PostAsync("/api/notices/read-all", null));
        lines.Add($"read-by-kind (提醒): {byKind}");
        lines.Add($"read-all (the rest): {all}");
        lines.Add(await TimeAsync(server, "badge after read-all", (s, ct) => s.GetRequiredService<Inbox>().UnreadCountAsync(viewer, ct)));

        Console.WriteLine();
        Console.WriteLine(Table.Render(results));
        lines.ForEach(Console.WriteLine);
    }

    private static async Task<(Viewer Viewer, string Login, TimeSpan Copied)> FillAsync(BenchServer server, int notices)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LuoshiDb>();
        var unit = await Startup.CreateUnitAsync(services, "压测市科学技术局");
        var section = new Section { UnitId = unit.Id, Name = "规划科" };
        db.Sections.Add(section);
        await db.SaveChangesAsync();
        var people = Enumerable.Range(0, 201).Select(i => new Person { UnitId = unit.Id, Name = $"科员{i}", Role = Role.Staff, SectionId = section.Id }).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        var staff = people[0];
        var result = await services.GetRequiredService<UserManager<AppUser>>().CreateAsync(new AppUser { UserName = "bench-inbox", UnitId = unit.Id, PersonId = staff.Id }, Generator.Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        // The kinds of a first run: mostly 催办 and 提醒, a tenth 督办, a few 盘点.
        static NoticeKind KindOf(int i) => (i % 20) switch { < 11 => NoticeKind.Urge, < 17 => NoticeKind.Remind, < 19 => NoticeKind.Supervise, _ => NoticeKind.Review };
        var start = DateTime.UtcNow.AddDays(-1);
        var watch = Stopwatch.StartNew();
        for (var done = 0; done < 2 * notices; done += 50_000)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var batch = new NoticeBatch();
            batch.Notices.AddRange(Enumerable.Range(done, Math.Min(50_000, (2 * notices) - done)).Select(i => new Notice
            {
                UnitId = unit.Id, RecipientId = (i & 1) == 0 ? staff.Id : people[1 + (i % 200)].Id, Kind = KindOf(i / 2), TaskId = null,
                Title = $"【催办】任务{i}：建设科技企业孵化器已超期", Body = "办结时限已过，当前进度 40%。请于三个工作日内报送进展或申请延期。",
                CreatedAt = start.AddSeconds(i * 0.4),
            }));
            await batch.CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), CancellationToken.None);
            await transaction.CommitAsync();
        }

        var copied = watch.Elapsed;
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        return (new Viewer(staff.Id, unit.Id, staff.Name, staff.Role, staff.SectionId, []), "bench-inbox", copied);
    }

    /// <summary>A query 500 times in-process, a scope (and a pooled context) each, as a request would.</summary>
    private static async Task<string> TimeAsync(BenchServer server, string name, Func<IServiceProvider, CancellationToken, Task<int>> query)
    {
        var times = new List<double>();
        var value = 0;
        for (var i = 0; i < 500; i++)
        {
            await using var scope = server.Services.CreateAsyncScope();
            var started = Stopwatch.GetTimestamp();
            value = await query(scope.ServiceProvider, CancellationToken.None);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var sorted = times.Skip(50).Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"{name}: {value:N0}, median {sorted[sorted.Length / 2]:F3} ms, p99 {sorted[(int)(sorted.Length * 0.99)]:F3} ms");
    }

    private static async Task<string> TimeOnceAsync(Func<Task<HttpResponseMessage>> call)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await call();
        var body = await response.Content.ReadAsStringAsync();
        return string.Create(CultureInfo.InvariantCulture, $"{Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms, {(int)response.StatusCode} {body}");
    }
}
