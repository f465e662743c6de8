using System.Diagnostics;
using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Assessment;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Requests;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Luoshi.Bench;

/// <summary>
/// 考核 at today's size and with <c>scale</c> years of history: each year <c>tasksPerYear</c> tasks, all of the past
/// years' tasks and most of this year's done with an accepted completion (its report and request), a quarter extended, three in ten urged,
/// and five schemes (four quarters and the year). Times this year's scheme: computed afresh in-process (its
/// inputs are read for its period only), and read as stored through the API and the page, one client.
/// </summary>
internal static class AssessmentBench
{
    public static async Task RunAsync(string maintenanceConnection, int scale, int tasksPerYear = 2000, int seconds = 5)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        await using var server = await BenchServer.StartAsync(maintenanceConnection);
        var watch = Stopwatch.StartNew();
        var (scheme, counts) = await FillAsync(server, scale, tasksPerYear);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data ({scale} year(s) of history, {watch.Elapsed.TotalSeconds:F1} s): {counts}"));

        var computed = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
            var s = await db.AssessmentSchemes.AsNoTracking().SingleAsync(x => x.Id == scheme);
            var started = Stopwatch.GetTimestamp();
            await scope.ServiceProvider.GetRequiredService<StoredResults>().RecomputeAsync(s, CancellationToken.None);
            computed.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var sorted = computed.Skip(1).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"this year's scheme computed and stored (RecomputeJob's work), 5 runs after a warm-up: median {sorted[2]:F0} ms, max {sorted[^1]:F0} ms"));

        var api = server.Client(await server.TokenAsync("bench-assess", Generator.Password));
        var pages = await server.SignInAsync("bench-assess");
        var results = new List<Result>();
        async Task Measure(string name, HttpClient c, string url)
        {
            await Scenarios.Run(name, c, 1, TimeSpan.FromSeconds(1), (_, x) => x.GetAsync(url));
            results.Add(await Scenarios.Run(name, c, 1, TimeSpan.FromSeconds(seconds), (_, x) => x.GetAsync(url)));
        }

        await Measure("/api/assessments/{id}/results (stored)", api, $"/api/assessments/{scheme}/results");
        await Measure("/Assessment/Detail (stored)", pages, $"/Assessment/Detail?id={scheme}");
        await Measure("/Assessment (the schemes)", pages, "/Assessment");
        Console.WriteLine();
        Console.WriteLine(Table.Render(results));
    }

    private static async Task<(int Scheme, string Counts)> FillAsync(BenchServer server, int scale, int tasksPerYear)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LuoshiDb>();
        var today = services.GetRequiredService<BureauClock>().Today;
        var unit = await Startup.CreateUnitAsync(services, "压测市科学技术局");
        var sections = Enumerable.Range(1, 20).Select(i => new Section { UnitId = unit.Id, Name = $"科室{i:D2}", SortOrder = i }).ToList();
        db.Sections.AddRange(sections);
        await db.SaveChangesAsync();
        var staff = sections.Select(s => new Person { UnitId = unit.Id, Name = $"科员{s.SortOrder}", Role = Role.Staff, SectionId = s.Id }).ToList();
        var leader = new Person { UnitId = unit.Id, Name = "局领导", Role = Role.Leader };
        var admin = new Person { UnitId = unit.Id, Name = "考核管理员", Role = Role.Admin, SectionId = sections[0].Id };
        db.People.AddRange([.. staff, leader, admin]);
        var plan = new Plan { UnitId = unit.Id, Title = $"{today.Year}年工作要点", Year = today.Year, CreatedAt = DateTime.UtcNow, SupervisedFrom = today };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        await services.GetRequiredService<UserManager<AppUser>>().CreateAsync(new AppUser { UserName = "bench-assess", UnitId = unit.Id, PersonId = admin.Id }, Generator.Password);

        var random = new Random(20261130);
        var tasks = new List<WorkTask>();
        var extended = new List<(int Index, DateOnly Was, DateTime At)>();
        var urged = new List<(int Index, DateTime At)>();
        for (var k = 0; k < scale; k++)
        {
            var year = today.Year - k;
            for (var i = 0; i < tasksPerYear; i++)
            {
                var section = random.Next(sections.Count);
                var start = new DateOnly(year, 1, 1).AddDays(random.Next(0, 200));
                var due = start.AddDays(random.Next(30, 160));
                var task = new WorkTask
                {
                    UnitId = unit.Id, PlanId = plan.Id, SortOrder = tasks.Count, Number = (tasks.Count + 1).ToString(CultureInfo.InvariantCulture),
                    Title = $"{Generator.Topics[i % Generator.Topics.Length]}（{year}年第{i + 1}项）", LeadSectionId = sections[section].Id, LeadLeaderId = leader.Id,
                    ResponsiblePersonId = staff[section].Id, StartDate = start, DueDate = due, DueBy = due, Tags = ["重点工作"], CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                };
                var done = due.AddDays(random.Next(-20, 15));
                // A past year is closed: its tasks are done; this year's are done when due and 85 in 100 of them.
                task.CompletedOn = done < today && (year < today.Year || random.Next(100) < 85) ? done : null;
                task.ProgressPercent = task.CompletedOn is null ? 50 : 100;
                if (random.Next(4) == 0 && start.AddDays(10) < today)
                {
                    task.ExtensionCount = 1;
                    extended.Add((tasks.Count, due.AddDays(-20), start.AddDays(10).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc)));
                }

                if (random.Next(10) < 3 && due.AddDays(3) < today)
                {
                    urged.Add((tasks.Count, due.AddDays(3).ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc)));
                }

                tasks.Add(task);
            }
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { CommandTimeout = 600 }.ConnectionString);
        await connection.OpenAsync();
        await Generator.CopyTasksAsync(connection, tasks);
        var ids = await db.Tasks.Where(t => t.UnitId == unit.Id).Select(t => new { t.Id, t.SortOrder }).ToDictionaryAsync(t => t.SortOrder, t => t.Id);
        tasks.ForEach(t => t.Id = ids[t.SortOrder]);
        var completed = tasks.Where(t => t.CompletedOn is not null).ToList();

        // Each accepted completion: the report that claimed it and the office's acceptance a few days on.
        await Generator.CopyAsync(connection, """
            COPY "Reports" ("UnitId", "TaskId", "SectionId", "AuthorId", "PeriodStart", "PeriodEnd", "SubmittedAt", "IsLate", "Progress", "Percent", "Problems", "NextSteps", "ClaimsCompletion")
            FROM STDIN (FORMAT BINARY)
            """, completed, (w, t) => w.WriteRowAsync(default, unit.Id, t.Id, t.LeadSectionId, t.ResponsiblePersonId!.Value, t.CompletedOn!.Value.AddDays(-30), t.CompletedOn!.Value,
                t.CompletedOn!.Value.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc), false, "已按计划完成全部工作。", (int?)100, "无", "申请办结。", true));
        var reports = await db.Reports.Where(r => r.UnitId == unit.Id).Select(r => new { r.Id, r.TaskId }).ToDictionaryAsync(r => r.TaskId, r => r.Id);
        await Generator.CopyAsync(connection, """
            COPY "CompletionRequests" ("UnitId", "TaskId", "ReportId", "RequestedById", "RequestedAt", "ClaimedOn", "Status", "DecidedById", "DecidedAt", "DecisionNote") FROM STDIN (FORMAT BINARY)
            """, completed, (w, t) => w.WriteRowAsync(default, unit.Id, t.Id, reports[t.Id], t.ResponsiblePersonId!.Value, t.CompletedOn!.Value.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc),
                t.CompletedOn!.Value, (int)RequestStatus.Approved, (int?)admin.Id, (DateTime?)t.CompletedOn!.Value.AddDays(2).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), (string?)null));
        await Generator.CopyAsync(connection, """
            COPY "ExtensionRequests" ("UnitId", "TaskId", "RequestedById", "RequestedAt", "CurrentDueDate", "NewDueDate", "Reason", "Status", "DecidedById", "DecidedAt", "DecisionNote") FROM STDIN (FORMAT BINARY)
            """, extended, (w, e) => w.WriteRowAsync(default, unit.Id, tasks[e.Index].Id, tasks[e.Index].ResponsiblePersonId!.Value, e.At.AddDays(-2), e.Was, tasks[e.Index].DueDate,
                "配套资金晚到，需顺延。", (int)RequestStatus.Approved, (int?)leader.Id, (DateTime?)e.At, (string?)null));
        await Generator.CopyAsync(connection, """COPY "TaskEvents" ("UnitId", "TaskId", "At", "ActorId", "Kind", "Summary") FROM STDIN (FORMAT BINARY)""",
            urged, (w, u) => w.WriteRowAsync(default, unit.Id, tasks[u.Index].Id, u.At, (int?)null, AssessmentData.UrgeKind, "办结时限已过，请抓紧办理"));

        var schemes = new List<AssessmentScheme>();
        for (var k = scale - 1; k >= 0; k--)
        {
            var year = today.Year - k;
            schemes.AddRange(Enumerable.Range(0, 4).Select(q => new AssessmentScheme
            {
                UnitId = unit.Id, Name = $"{year}年第{q + 1}季度考核", PeriodStart = new DateOnly(year, (q * 3) + 1, 1), PeriodEnd = new DateOnly(year, (q * 3) + 1, 1).AddMonths(3).AddDays(-1),
                CreatedById = admin.Id, CreatedAt = DateTime.UtcNow,
            }));
            schemes.Add(new AssessmentScheme { UnitId = unit.Id, Name = $"{year}年度考核", PeriodStart = new(year, 1, 1), PeriodEnd = new(year, 12, 31), CreatedById = admin.Id, CreatedAt = DateTime.UtcNow });
        }

        db.AssessmentSchemes.AddRange(schemes);
        await db.SaveChangesAsync();
        await new NpgsqlCommand("VACUUM ANALYZE", connection).ExecuteNonQueryAsync();
        return (schemes[^1].Id, string.Create(CultureInfo.InvariantCulture,
            $"{tasks.Count:N0} tasks, {completed.Count:N0} accepted completions (with their reports), {extended.Count:N0} extensions, {urged.Count:N0} 催办, {schemes.Count} schemes"));
    }
}
