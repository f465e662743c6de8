using System.Diagnostics;
using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Projects;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Luoshi.Bench;

/// <summary>The key-projects funnel over many projects: bulk-loaded with COPY, then the funnel (GROUP
/// BY in the database) timed for the office (the whole unit) and for one section head.</summary>
internal static class FunnelBench
{
    public static async Task RunAsync(string maintenanceConnection, int projects = 100_000, int sections = 100)
    {
        await using var server = await BenchServer.StartAsync(maintenanceConnection);
        var load = Stopwatch.StartNew();
        int unitId;
        List<(int Id, int SectionId)> staff;
        int planId;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
            unitId = (await Startup.CreateUnitAsync(scope.ServiceProvider, "压测市科学技术局")).Id;
            var all = Enumerable.Range(0, sections).Select(i => new Section { UnitId = unitId, Name = $"科室{i:D3}", SortOrder = i }).ToList();
            db.Sections.AddRange(all);
            await db.SaveChangesAsync();
            var people = all.SelectMany(s => new[] { new Person { UnitId = unitId, Name = $"{s.Name}科长", Role = Role.SectionHead, SectionId = s.Id }, new Person { UnitId = unitId, Name = $"{s.Name}科员", Role = Role.Staff, SectionId = s.Id } }).ToList();
            db.People.AddRange(people);
            var plan = new Plan { UnitId = unitId, Title = "2026年重点项目", Year = 2026, LedgerKind = WorkKind.Project, CreatedAt = DateTime.UtcNow };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            planId = plan.Id;
            staff = [.. people.Select(p => (p.Id, p.SectionId!.Value))];
        }

        var random = new Random(20261124);
        var today = new DateOnly(2026, 11, 24);
        // Each project reaches stage k+1 with probability 0.7, 0.6, 0.7, 0.5: a funnel, not a column.
        double[] onward = [0.7, 0.6, 0.7, 0.5];
        var rows = Enumerable.Range(0, projects).Select(i =>
        {
            var (person, section) = staff[random.Next(staff.Count)];
            var days = new List<int>();
            while (days.Count < onward.Length && random.NextDouble() < onward[days.Count])
            {
                days.Add(random.Next(5, 120));
            }

            var intent = today.AddDays(-days.Sum() - random.Next(0, 60));
            return (i, person, section, intent, days);
        }).ToList();

        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        var now = DateTime.UtcNow;
        await Generator.CopyAsync(connection, """
            COPY "Tasks" ("UnitId", "PlanId", "Kind", "Stage", "SortOrder", "Title", "LeadSectionId", "AssignedSectionId", "ResponsiblePersonId", "StartDate", "DueDate", "DueBy", "Tags", "ProgressPercent", "Light", "LightReason", "CreatedAt", "UpdatedAt", "ExtensionCount", "Version", "Restricted")
            FROM STDIN (FORMAT BINARY)
            """, rows, async (w, r) =>
            {
                await w.StartRowAsync();
                await w.WriteAsync(unitId);
                await w.WriteAsync(planId);
                await w.WriteAsync((int)WorkKind.Project);
                await w.WriteAsync(ProjectStages.Names[r.days.Count]);
                await w.WriteAsync(r.i);
                await w.WriteAsync($"压测项目{r.i + 1}");
                await w.WriteAsync(r.section);
                await w.WriteAsync(r.section);
                await w.WriteAsync(r.person);
                await w.WriteAsync(r.intent, NpgsqlDbType.Date);
                await w.WriteAsync(today.AddDays(365), NpgsqlDbType.Date);
                await w.WriteAsync(today.AddDays(365), NpgsqlDbType.Date);
                await w.WriteAsync(new[] { "重点项目" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await w.WriteAsync(0);
                await w.WriteAsync(0);
                await w.WriteAsync(0);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(0);
                await w.WriteAsync(0);
                await w.WriteAsync(false);
            });
        var ids = new int[projects];
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
            foreach (var t in await db.Tasks.Where(t => t.UnitId == unitId).Select(t => new { t.Id, t.SortOrder }).ToListAsync())
            {
                ids[t.SortOrder] = t.Id;
            }
        }

        await Generator.CopyAsync(connection, """COPY "ProjectDetails" ("TaskId", "UnitId", "Investor", "Amount", "Industry") FROM STDIN (FORMAT BINARY)""",
            rows, (w, r) => w.WriteRowAsync(default, ids[r.i], unitId, "压测投资有限公司", (decimal)random.Next(100, 100_000), "新能源"));
        var stages = rows.SelectMany(r => Enumerable.Range(0, r.days.Count + 1).Select(k => (r, k))).ToList();
        await Generator.CopyAsync(connection, """COPY "ProjectStages" ("UnitId", "TaskId", "StageIndex", "ReachedOn", "DaysFromPrevious", "Evidence", "RecordedById", "RecordedAt") FROM STDIN (FORMAT BINARY)""",
            stages, (w, s) => w.WriteRowAsync(default, unitId, ids[s.r.i], s.k, s.r.intent.AddDays(s.r.days.Take(s.k).Sum()), s.k == 0 ? null : (int?)s.r.days[s.k - 1], "压测", s.r.person, now));
        await new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 }.ExecuteNonQueryAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data: {projects:N0} projects, {stages.Count:N0} stage rows, {sections} sections, {staff.Count} people (loaded in {load.Elapsed.TotalSeconds:F1} s)"));

        var office = new Viewer(staff[0].Id, unitId, "压测管理员", Role.Admin, staff[0].SectionId, []);
        var head = new Viewer(staff[0].Id, unitId, "压测科长", Role.SectionHead, staff[0].SectionId, []);
        foreach (var (who, viewer, breakdowns) in new[] { ("office, stages only", office, false), ("office, with per-person and per-section", office, true), ("section head, with breakdowns", head, true) })
        {
            var times = new List<double>();
            Funnel? funnel = null;
            for (var run = 0; run < 25; run++)
            {
                await using var scope = server.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
                var clock = Stopwatch.StartNew();
                funnel = await ProjectFunnel.LoadAsync(db, viewer, new(), breakdowns);
                if (run >= 5)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"funnel, {who}: median {times[times.Count / 2]:F1} ms, p95 {times[(int)(times.Count * 0.95)]:F1} ms, max {times[^1]:F1} ms over {times.Count} runs; reached {string.Join(" → ", funnel!.Stages.Select(s => $"{s.Name} {s.Reached:N0}"))}; median days {string.Join(", ", funnel.Stages.Skip(1).Select(s => $"{s.MedianDays}"))}"));
        }
    }
}
