using System.Globalization;
using System.Net.Http.Json;
using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Luoshi.Bench;

/// <summary>
/// Visibility against the history of cooperations: the same bureau at every scale, except that one
/// section has cooperated on N tasks at ×1 and on N × scale at ×k, all but twenty of them completed long
/// ago. Its staff member's open list, his /Tasks page and one cooperation task's page are timed; the
/// open work he sees is the same at every scale, so any growth is the history's. Before each request a
/// write is noted (<see cref="WriteGeneration.Bump"/>), so the viewer and the list's total are computed
/// afresh, as after any write in a working bureau, instead of being served from the few seconds' keep.
/// Then the count of all the tasks he sees, alone, in the list's shape and in the counting shape.
/// </summary>
internal static partial class BoundedBench
{
    private const int OpenCooperations = 20;

    // More rounds than the record check's: these requests take milliseconds and the machine is shared.
    private const int VisibilityRounds = 60;

    public static async Task RunVisibilityAsync(string maintenance, int baseTasks, int[] scales)
    {
        var results = new List<Result>();
        var history = Math.Max(OpenCooperations * 2, baseTasks / 10);
        foreach (var scale in scales)
        {
            await using var server = await BenchServer.StartAsync(maintenance);
            var data = await Generator.FillAsync(server, new BenchOptions(maintenance, Tasks: baseTasks, Sections: 50, ReportsPerTask: 2, TimeSpan.FromSeconds(5), SupervisionOnly: false));
            var section = data.SectionIds[7];
            var (login, openTask, staff) = await CooperationHistoryAsync(server, data, section, history * scale);
            var api = server.Client(await server.TokenAsync(login, data.Password));
            var page = await server.SignInAsync(login);
            var list = await api.GetFromJsonAsync<ListBody>("/api/tasks?open=true&sort=due");
            var label = string.Create(CultureInfo.InvariantCulture, $"×{scale} ({history * scale:N0} cooperations, {list!.Total} open seen)");

            results.Add(Of($"{label}: GET /api/tasks?open=true&sort=due", await RoundsAsync(() => api.GetStringAsync("/api/tasks?open=true&sort=due"))));
            results.Add(Of($"{label}: GET /Tasks", await RoundsAsync(() => page.GetStringAsync("/Tasks"))));
            results.Add(Of($"{label}: GET /Tasks/{{id}} (cooperation task)", await RoundsAsync(() => page.GetStringAsync($"/Tasks/{openTask}"))));

            // The unfiltered total alone (every task he sees, the history too), in the list's shape and in the
            // counting shape the totals use (TaskAccess.VisibleToForCounting), straight from the database.
            var viewer = new Viewer(staff, data.UnitId, "", Role.Staff, section, []);
            results.Add(Of($"{label}: count of all his tasks, list shape (EXISTS)", await CountRoundsAsync(server, db => db.Tasks.VisibleTo(viewer).CountAsync())));
            results.Add(Of($"{label}: count of all his tasks, counting shape (array)", await CountRoundsAsync(server, db => db.Tasks.VisibleToForCounting(viewer, db).CountAsync())));
        }

        Console.WriteLine();
        Console.WriteLine(Table.Render(results));
    }

    private static async Task<List<double>> RoundsAsync(Func<Task<string>> call)
    {
        await call(); // warm: the first request of a route compiles its page and query
        var samples = new List<double>();
        for (var i = 0; i < VisibilityRounds; i++)
        {
            WriteGeneration.Bump();
            samples.Add(await TimedAsync(call));
        }

        return samples;
    }

    private static async Task<List<double>> CountRoundsAsync(BenchServer server, Func<LuoshiDb, Task<int>> count)
    {
        var samples = new List<double>();
        for (var i = 0; i <= VisibilityRounds; i++)
        {
            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
            var ms = await TimedAsync(() => count(db));
            if (i > 0) // the first compiles the query
            {
                samples.Add(ms);
            }
        }

        return samples;
    }

    /// <summary>Each task of the bureau gets one cooperating section (never <paramref name="section"/>);
    /// <paramref name="section"/> cooperates on twenty open tasks of other sections and on
    /// <paramref name="count"/> − 20 tasks completed last year. Returns its staff member's login and one
    /// of the open cooperation tasks, and the staff member.</summary>
    private static async Task<(string Login, int OpenTask, int Staff)> CooperationHistoryAsync(BenchServer server, BenchData data, int section, int count)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LuoshiDb>();
        var unit = data.UnitId;
        var plan = await db.Plans.SingleAsync(p => p.UnitId == unit);
        var calendar = await services.GetRequiredService<WorkingCalendars>().ForUnitAsync(db, unit);
        var lights = services.GetRequiredService<IOptions<LightOptions>>().Value;
        var today = services.GetRequiredService<BureauClock>().Today;
        var day = TaskLights.DayFor(today, calendar, lights);
        var others = data.SectionIds.Where(s => s != section).ToArray();
        var staff = await db.People.Where(p => p.UnitId == unit && p.SectionId == section && p.Role == Role.Staff).Select(p => p.Id).SingleAsync();
        var leader = await db.People.Where(p => p.UnitId == unit && p.Role == Role.Leader).Select(p => p.Id).FirstAsync();
        await services.GetRequiredService<UserManager<AppUser>>().CreateAsync(new AppUser { UserName = "bench-staff", UnitId = unit, PersonId = staff }, Generator.Password);

        var random = new Random(20261130);
        var done = new WorkTask[count - OpenCooperations];
        for (var i = 0; i < done.Length; i++)
        {
            var lead = others[random.Next(others.Length)];
            var start = today.AddYears(-1).AddDays(-random.Next(0, 300));
            var task = new WorkTask
            {
                UnitId = unit, PlanId = plan.Id, SortOrder = 1_000_000 + i, Number = $"历{i + 1}", Title = $"{Generator.Topics[i % Generator.Topics.Length]}（往年配合第{i + 1}项）",
                LeadSectionId = lead, LeadLeaderId = leader, ResponsiblePersonId = staff, StartDate = start, DueDate = start.AddDays(random.Next(30, 200)), Tags = ["往年"],
                ProgressPercent = 100, CompletedOn = start.AddDays(random.Next(20, 200)), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            TaskSchedule.Refresh(task, plan, calendar, lights);
            LightRules.Apply(task, day);
            done[i] = task;
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { CommandTimeout = 600 }.ConnectionString);
        await connection.OpenAsync();
        await Generator.CopyTasksAsync(connection, done);
        var doneIds = await db.Tasks.Where(t => t.UnitId == unit && t.SortOrder >= 1_000_000).Select(t => t.Id).ToListAsync();
        var open = await db.Tasks.Where(t => t.UnitId == unit && t.CompletedOn == null && t.LeadSectionId != section && t.SortOrder < 1_000_000)
            .OrderBy(t => t.Id).Select(t => t.Id).Take(OpenCooperations).ToListAsync();
        var mine = open.Concat(doneIds).ToHashSet();
        var rows = data.TaskIds.Where(id => !mine.Contains(id)).Select(id => (Task: id, Section: others[random.Next(others.Length)]))
            .Concat(mine.Select(id => (Task: id, Section: section)));
        await Generator.CopyAsync(connection, """COPY "TaskCooperations" ("UnitId", "TaskId", "SectionId", "Part") FROM STDIN (FORMAT BINARY)""",
            rows, (w, r) => w.WriteRowAsync(default, unit, r.Task, r.Section, "配合做好相关工作。"));
        // COPY bypasses the app, which keeps each cooperation's TaskOpen beside its task's CompletedOn.
        await using (var flags = new NpgsqlCommand("""
            UPDATE "TaskCooperations" c SET "TaskOpen" = t."CompletedOn" IS NULL FROM "Tasks" t
            WHERE t."UnitId" = c."UnitId" AND t."Id" = c."TaskId" AND c."UnitId" = @unit
            """, connection) { CommandTimeout = 600 })
        {
            flags.Parameters.AddWithValue("unit", unit);
            await flags.ExecuteNonQueryAsync();
        }

        await new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 }.ExecuteNonQueryAsync();
        return ("bench-staff", open[0], staff);
    }

    private sealed record ListBody(int Total);
}
