using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Luoshi.Data;
using Luoshi.Features.Account;
using Luoshi.Features.Calendar;
using Luoshi.Features.Dispatch;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Luoshi.Bench;

/// <summary>
/// A province-sized deployment: units in three levels (a 督查室 at the top, cities/bureaus below it, their
/// bureaus below those), each with its sections, people and work, and 交办 down the tree: the top unit
/// assigns to five units of the second level each, every second-level unit to all its own units; four
/// parts in five signed (with the receiving unit's own task), the rest waiting or returned. Bulk-loaded
/// with COPY; lights computed with the app's own rules. Then the 督查室's pages with the roll-up by unit
/// and one 交办 to 100 units, timed over HTTP.
/// </summary>
internal static class CityBench
{
    private const int SectionsPerUnit = 10;
    private const int TopDispatches = 1000;
    private const int TopPartiesEach = 5;
    private const int MiddleDispatches = 200;

    public static async Task RunAsync(string maintenanceConnection, int units, int tasksPerUnit, int reportsPerTask, int seconds)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        await using var server = await BenchServer.StartAsync(maintenanceConnection);
        var clock = Stopwatch.StartNew();
        var city = await FillAsync(server, units, tasksPerUnit, reportsPerTask);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"data: {city.Units:N0} units in three levels, {city.Tasks:N0} tasks, {city.Parties:N0} 交办 parts (cross-unit), {city.Reports:N0} reports (generated in {clock.Elapsed.TotalSeconds:F0} s)"));

        var duration = TimeSpan.FromSeconds(seconds);
        var results = new List<Result>();
        async Task Measure(string name, HttpClient client, Func<Random, HttpClient, Task<HttpResponseMessage>> call)
        {
            await Scenarios.Run(name, client, 1, TimeSpan.FromSeconds(2), call); // warm-up
            results.Add(await Scenarios.Run(name, client, 1, duration, call));
            Console.WriteLine($"  measured {name}");
        }

        var top = await server.SignInAsync(city.TopLogin);
        var middle = await server.SignInAsync(city.MiddleLogin);
        var api = server.Client(await server.TokenAsync(city.TopLogin, Generator.Password));
        await Measure($"督查室 总览 page (its {TopDispatches:N0} 交办 among {city.Tasks / 1000:N0}k tasks)", top, (_, c) => c.GetAsync("/"));
        await Measure("督查室 交办 page: roll-up by unit + list", top, (_, c) => c.GetAsync("/Dispatch"));
        await Measure("督查室 GET /api/dispatches", api, (_, c) => c.GetAsync("/api/dispatches"));
        await Measure($"督查室 one 交办 page ({TopPartiesEach} units)", top, (r, c) => c.GetAsync($"/Dispatch/{city.TopDispatchIds[r.Next(city.TopDispatchIds.Length)]}"));
        await Measure($"second level: one 交办 page (~{city.MiddlePartiesEach} units)", middle, (r, c) => c.GetAsync($"/Dispatch/{city.MiddleDispatchIds[r.Next(city.MiddleDispatchIds.Length)]}"));

        // One action, a hundred units: the lead unit and 99 cooperating units of the third level.
        var hundred = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await api.PostAsJsonAsync("/api/dispatches", new
            {
                title = $"压测交办：一次交办一百个单位（第{i + 1}次）", description = "请各单位按要求落实。", leadUnitId = city.ThirdLevel[i],
                cooperatingUnitIds = city.ThirdLevel.Skip(i + 1).Take(99).ToArray(), cooperatingPart = "配合做好相关工作。",
                dueDate = DateOnly.FromDateTime(DateTime.Today.AddMonths(3)), cadence = 0, followUpSectionId = city.TopSectionId,
            });
            await response.Content.ReadAsByteArrayAsync();
            hundred.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"交办 to 100 units: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        hundred.Sort();
        Console.WriteLine();
        Console.WriteLine(Table.Render(results));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"交办 to 100 units in one action (POST /api/dispatches, 10 times): median {hundred[4]:F0} ms, slowest {hundred[^1]:F0} ms"));
    }

    private sealed record City(int Units, long Tasks, int Parties, long Reports, string TopLogin, string MiddleLogin, int TopSectionId,
        int[] TopDispatchIds, int[] MiddleDispatchIds, int MiddlePartiesEach, int[] ThirdLevel);

    private sealed record Party(int SourceUnit, int SourceIndex, int Unit, bool IsLead, DispatchState State)
    {
        public int ReceivedIndex { get; set; } = -1;
    }

    private static async Task<City> FillAsync(BenchServer server, int unitCount, int tasksPerUnit, int reportsPerTask)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LuoshiDb>();
        var today = services.GetRequiredService<BureauClock>().Today;
        var now = DateTime.UtcNow;

        // The tree: one 督查室, about one unit in twenty on the second level, the rest shared among them.
        var top = await Startup.CreateUnitAsync(services, "压测省人民政府督查室");
        var secondCount = Math.Max(2, (unitCount - 1) / 21);
        var second = new List<Unit>();
        var third = new List<Unit>();
        for (var i = 0; i < unitCount - 1; i++)
        {
            var parent = i < secondCount ? top : second[i % secondCount];
            var unit = await Startup.CreateUnitAsync(services, i < secondCount ? $"压测第{i + 1}市" : $"{parent.Name}第{i / secondCount}局");
            unit.ParentId = parent.Id;
            (i < secondCount ? second : third).Add(unit);
        }

        await db.SaveChangesAsync();
        var all = new List<Unit> { top };
        all.AddRange(second);
        all.AddRange(third);
        var index = all.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { CommandTimeout = 3600 }.ConnectionString);
        await connection.OpenAsync();
        await Generator.CopyAsync(connection, """COPY "Sections" ("UnitId", "Name", "SortOrder", "IsActive") FROM STDIN (FORMAT BINARY)""",
            all.SelectMany(u => Enumerable.Range(0, SectionsPerUnit).Select(s => (u.Id, s))), (w, x) => w.WriteRowAsync(default, x.Id, $"科室{x.s + 1:D2}", x.s, true));
        var sections = (await db.Sections.AsNoTracking().Select(s => new { s.UnitId, s.Id, s.SortOrder }).ToListAsync())
            .GroupBy(s => s.UnitId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.SortOrder).Select(s => s.Id).ToArray());
        // Per section a head and a staff member; per unit two leaders and one office person.
        await Generator.CopyAsync(connection, """COPY "People" ("UnitId", "SectionId", "Name", "Position", "Role", "IsActive") FROM STDIN (FORMAT BINARY)""",
            all.SelectMany(u => Enumerable.Range(0, (SectionsPerUnit * 2) + 3).Select(p => (u.Id, p))), (w, x) => x.p switch
            {
                < SectionsPerUnit * 2 => w.WriteRowAsync(default, x.Id, (int?)sections[x.Id][x.p / 2], x.p % 2 == 0 ? $"科长{x.p / 2}" : $"科员{x.p / 2}",
                    x.p % 2 == 0 ? "科长" : "科员", (int)(x.p % 2 == 0 ? Role.SectionHead : Role.Staff), true),
                < (SectionsPerUnit * 2) + 2 => w.WriteRowAsync(default, x.Id, (int?)null, $"领导{x.p}", "副职", (int)Role.Leader, true),
                _ => w.WriteRowAsync(default, x.Id, (int?)sections[x.Id][0], "办公室主任", "主任", (int)Role.Admin, true),
            });
        var people = (await db.People.AsNoTracking().Select(p => new { p.UnitId, p.Id, p.SectionId, p.Role }).ToListAsync()).ToLookup(p => p.UnitId);
        var staffOf = people.SelectMany(g => g).Where(p => p.Role == Role.Staff).ToDictionary(p => p.SectionId!.Value, p => p.Id);
        var leadersOf = people.ToDictionary(g => g.Key, g => g.Where(p => p.Role == Role.Leader).Select(p => p.Id).ToArray());
        await Generator.CopyAsync(connection, """COPY "LeaderCharges" ("UnitId", "LeaderId", "SectionId") FROM STDIN (FORMAT BINARY)""",
            all.SelectMany(u => sections[u.Id].Select((s, i) => (u.Id, Leader: leadersOf[u.Id][i * 2 / SectionsPerUnit], s))),
            (w, x) => w.WriteRowAsync(default, x.Id, x.Leader, x.s));

        var plans = all.Select(u => new Plan { UnitId = u.Id, Title = $"{today.Year}年工作要点", Year = today.Year, CreatedAt = now }).ToList();
        var ledgers = all.Select(u => new Plan { UnitId = u.Id, Title = $"{today.Year}年交办事项", Year = today.Year, LedgerKind = WorkKind.Dispatch, CreatedAt = now }).ToList();
        db.Plans.AddRange(plans);
        db.Plans.AddRange(ledgers);
        await db.SaveChangesAsync();

        var users = services.GetRequiredService<UserManager<AppUser>>();
        var middle = second[0];
        foreach (var (unit, login) in new[] { (top, "city-top"), (middle, "city-middle") })
        {
            var office = people[unit.Id].Single(p => p.Role == Role.Admin).Id;
            await users.CreateAsync(new AppUser { UserName = login, UnitId = unit.Id, PersonId = office }, Generator.Password);
        }

        // The 交办: the top unit to five second-level units each, each second-level unit to all its own.
        var parties = new List<Party>();
        static DispatchState StateOf(int n) => (n % 20) switch { < 16 => DispatchState.Signed, < 19 => DispatchState.Waiting, _ => DispatchState.Returned };
        for (var d = 0; d < TopDispatches; d++)
        {
            for (var k = 0; k < Math.Min(TopPartiesEach, second.Count); k++)
            {
                parties.Add(new(top.Id, d, second[(d + k) % second.Count].Id, k == 0, StateOf(d + k)));
            }
        }

        foreach (var unit in second)
        {
            var children = third.Where(t => t.ParentId == unit.Id).ToList();
            for (var d = 0; d < MiddleDispatches && children.Count > 0; d++)
            {
                parties.AddRange(children.Select((c, k) => new Party(unit.Id, d, c.Id, k == d % children.Count, StateOf(d + k))));
            }
        }

        // Each unit's tasks: first what it assigned, then what it received and signed, then its own work.
        var assignedCount = all.ToDictionary(u => u.Id, u => u.Id == top.Id ? TopDispatches : second.Contains(u) ? MiddleDispatches : 0);
        var receivedCount = all.ToDictionary(u => u.Id, _ => 0);
        foreach (var p in parties.Where(p => p.State == DispatchState.Signed))
        {
            p.ReceivedIndex = assignedCount[p.Unit] + receivedCount[p.Unit]++;
        }

        var calendar = await services.GetRequiredService<WorkingCalendars>().ForUnitAsync(db, top.Id);
        var lightOptions = services.GetRequiredService<IOptions<LightOptions>>().Value;
        var day = TaskLights.DayFor(today, calendar, lightOptions);
        var random = new Random(20261130);
        var tasks = new List<WorkTask>(unitCount * tasksPerUnit);
        foreach (var unit in all)
        {
            var (plan, ledger, own) = (plans[index[unit.Id]], ledgers[index[unit.Id]], sections[unit.Id]);
            var dispatchTasks = assignedCount[unit.Id] + receivedCount[unit.Id];
            for (var i = 0; i < Math.Max(tasksPerUnit, dispatchTasks); i++)
            {
                var dispatch = i < dispatchTasks;
                var section = i < assignedCount[unit.Id] ? own[0] : own[random.Next(own.Length)];
                var start = today.AddDays(-random.Next(0, 330));
                var due = start.AddDays(random.Next(30, 420));
                var task = new WorkTask
                {
                    UnitId = unit.Id, PlanId = dispatch ? ledger.Id : plan.Id, Kind = dispatch ? WorkKind.Dispatch : WorkKind.Task, SortOrder = i,
                    Number = (i + 1).ToString(CultureInfo.InvariantCulture), Title = $"{Generator.Topics[i % Generator.Topics.Length]}（第{i + 1}项）",
                    LeadSectionId = section, LeadLeaderId = leadersOf[unit.Id][random.Next(2)], ResponsiblePersonId = staffOf[section], StartDate = start, DueDate = due,
                    Tags = [], ProgressPercent = random.Next(0, 101), CreatedAt = now, UpdatedAt = now,
                    Milestones = [new Milestone { UnitId = unit.Id, Title = "阶段目标", DueDate = start.AddDays((due.DayNumber - start.DayNumber) / 2), CompletedOn = random.Next(3) == 0 ? start : null }],
                };
                task.CompletedOn = task.ProgressPercent == 100 ? today.AddDays(-1) : null;
                task.LastReportedPeriodEnd = random.Next(4) == 0 ? null : ReportPeriods.Containing(plan, today.AddMonths(-random.Next(0, 3)), calendar).Start.AddDays(-1);
                TaskSchedule.Refresh(task, plan, calendar, lightOptions);
                LightRules.Apply(task, day);
                tasks.Add(task);
            }
        }

        var first = new Dictionary<int, int>();
        for (var i = 0; i < tasks.Count; i++)
        {
            first.TryAdd(tasks[i].UnitId, i);
        }

        WorkTask TaskOf(int unit, int at) => tasks[first[unit] + at];
        // The assigner's task shows its lead unit's progress and light, as the app carries them up.
        foreach (var p in parties.Where(p => p.IsLead && p.State == DispatchState.Signed))
        {
            var (source, received) = (TaskOf(p.SourceUnit, p.SourceIndex), TaskOf(p.Unit, p.ReceivedIndex));
            (source.ProgressPercent, source.Light, source.LightReason, source.CompletedOn) = (received.ProgressPercent, received.Light, received.LightReason, received.CompletedOn);
        }

        await Generator.CopyTasksAsync(connection, tasks);
        var ids = (await db.Tasks.AsNoTracking().Select(t => new { t.UnitId, t.SortOrder, t.Id }).ToListAsync()).ToDictionary(t => (t.UnitId, t.SortOrder), t => t.Id);
        foreach (var t in tasks)
        {
            t.Id = ids[(t.UnitId, t.SortOrder)];
        }

        ids.Clear();
        await Generator.CopyAsync(connection, """COPY "Milestones" ("UnitId", "TaskId", "Title", "DueDate", "CompletedOn", "SortOrder") FROM STDIN (FORMAT BINARY)""",
            tasks, (w, t) => w.WriteRowAsync(default, t.UnitId, t.Id, t.Milestones[0].Title, t.Milestones[0].DueDate, t.Milestones[0].CompletedOn, 0));

        var assignedOn = today.AddDays(-20);
        await Generator.CopyAsync(connection, """
            COPY "DispatchParties" ("UnitId", "SourceUnitId", "SourceTaskId", "IsLead", "Cadence", "Part", "State", "AssignedOn", "ReturnBy", "ReceivedTaskId",
              "SignedAt", "ReturnReason", "ReturnedAt", "CreatedAt") FROM STDIN (FORMAT BINARY)
            """, parties, async (w, p) =>
            {
                await w.StartRowAsync();
                await w.WriteAsync(p.Unit);
                await w.WriteAsync(p.SourceUnit);
                await w.WriteAsync(TaskOf(p.SourceUnit, p.SourceIndex).Id);
                await w.WriteAsync(p.IsLead);
                await w.WriteAsync((int)ReportCadence.Monthly);
                await (p.IsLead ? w.WriteNullAsync() : w.WriteAsync("配合做好相关工作。"));
                await w.WriteAsync((int)p.State);
                await w.WriteAsync(assignedOn, NpgsqlDbType.Date);
                await w.WriteAsync(calendar.AddWorkingDays(assignedOn, 3), NpgsqlDbType.Date);
                await (p.ReceivedIndex >= 0 ? w.WriteAsync(TaskOf(p.Unit, p.ReceivedIndex).Id) : w.WriteNullAsync());
                await (p.State == DispatchState.Signed ? w.WriteAsync(now.AddDays(-18), NpgsqlDbType.TimestampTz) : w.WriteNullAsync());
                await (p.State == DispatchState.Returned ? w.WriteAsync("不属于本单位职责。") : w.WriteNullAsync());
                await (p.State == DispatchState.Returned ? w.WriteAsync(now.AddDays(-19), NpgsqlDbType.TimestampTz) : w.WriteNullAsync());
                await w.WriteAsync(now.AddDays(-20), NpgsqlDbType.TimestampTz);
            });

        var reports = 0L;
        var submitted = now.AddDays(-30);
        await Generator.CopyAsync(connection, """
            COPY "Reports" ("UnitId", "TaskId", "SectionId", "AuthorId", "PeriodStart", "PeriodEnd", "SubmittedAt", "IsLate", "Progress", "Percent", "Problems", "NextSteps", "ClaimsCompletion")
            FROM STDIN (FORMAT BINARY)
            """, tasks.SelectMany(t => Enumerable.Range(0, reportsPerTask).Select(k => (t, k))), (w, r) =>
            {
                reports++;
                var month = today.AddMonths(-reportsPerTask + r.k);
                var start = new DateOnly(month.Year, month.Month, 1);
                return w.WriteRowAsync(default, r.t.UnitId, r.t.Id, r.t.LeadSectionId, staffOf[r.t.LeadSectionId], start, start.AddMonths(1).AddDays(-1),
                    submitted.AddMinutes(-r.k * 43200), r.k % 7 == 0, "本月按计划推进，完成了既定的阶段工作。", (int?)Math.Min(100, r.k * 10), "部分配套资金尚未到位。", "继续加强调度。", false);
            });
        await new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 3600 }.ExecuteNonQueryAsync();

        var middleIds = parties.Where(p => p.SourceUnit == middle.Id).Select(p => TaskOf(middle.Id, p.SourceIndex).Id).Distinct().ToArray();
        return new City(all.Count, tasks.Count, parties.Count, reports, "city-top", "city-middle", sections[top.Id][0],
            [.. Enumerable.Range(0, TopDispatches).Select(d => TaskOf(top.Id, d).Id)], middleIds,
            parties.Count(p => p.SourceUnit == middle.Id) / Math.Max(1, middleIds.Length), [.. third.Select(u => u.Id)]);
    }
}
