using System.Diagnostics;
using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Study;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Luoshi.Bench;

/// <summary>
/// The study ledger at scale: 5,000 members in 100 groups of 50, 50,000 sessions (500 per group) with
/// 10 attendees each (500,000 attendance rows), bulk-loaded with COPY; then times the ledger of the
/// whole plan as the office sees it (totals per member and per group summed in PostgreSQL).
/// </summary>
internal static class StudyBench
{
    public static async Task RunAsync(string maintenanceConnection, int members = 5_000, int sessions = 50_000, int perGroup = 50, int attendees = 10)
    {
        await using var server = await BenchServer.StartAsync(maintenanceConnection);
        var load = Stopwatch.StartNew();
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LuoshiDb>();
        var today = services.GetRequiredService<BureauClock>().Today;
        var unit = await Startup.CreateUnitAsync(services, "学习台账压测局");
        var groups = members / perGroup;
        var sections = Enumerable.Range(0, groups).Select(i => new Section { UnitId = unit.Id, Name = $"支部{i + 1:D3}", SortOrder = i }).ToList();
        db.Sections.AddRange(sections);
        var admin = new Person { UnitId = unit.Id, Name = "办公室", Role = Role.Admin };
        db.People.Add(admin);
        await db.SaveChangesAsync();

        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await Generator.CopyAsync(connection, """COPY "People" ("UnitId", "SectionId", "Name", "Role", "IsActive") FROM STDIN (FORMAT BINARY)""",
            Enumerable.Range(0, members), (w, i) => w.WriteRowAsync(default, unit.Id, (int?)sections[i / perGroup].Id, $"党员{i:D5}", (int)Role.Staff, true));
        var people = await db.People.Where(p => p.UnitId == unit.Id && p.Role == Role.Staff).OrderBy(p => p.Id).Select(p => p.Id).ToArrayAsync();

        var viewer = new Viewer(admin.Id, unit.Id, admin.Name, Role.Admin, null, []);
        var plan = (await services.GetRequiredService<StudyEditor>().CreatePlanAsync(viewer, new PlanInput
        {
            Year = today.Year, Title = "压测学习计划",
            Groups = [.. Enumerable.Range(0, groups).Select(g => new GroupInput
            {
                Name = sections[g].Name, Kind = StudyGroupKind.PartyBranch, SectionId = sections[g].Id, RequiredSessions = 12, RequiredHours = 20,
                MemberIds = [.. people.Skip(g * perGroup).Take(perGroup)],
            })],
        })).Value!;
        var groupIds = plan.Groups.Select(g => g.Id).ToArray();
        var days = today.DayOfYear;
        var perGroupSessions = sessions / groups;
        await Generator.CopyAsync(connection, """COPY "StudySessions" ("UnitId", "GroupId", "Date", "Form", "Topic", "Materials", "Effect", "Minutes", "RecordedById", "RecordedAt", "Missing") FROM STDIN (FORMAT BINARY)""",
            Enumerable.Range(0, sessions), async (w, i) =>
            {
                await w.StartRowAsync();
                await w.WriteAsync(unit.Id);
                await w.WriteAsync(groupIds[i / perGroupSessions % groups]);
                await w.WriteAsync(new DateOnly(today.Year, 1, 1).AddDays(i % days), NpgsqlDbType.Date);
                await w.WriteAsync(i % 4);
                await w.WriteAsync($"学习专题{i}");
                await w.WriteAsync("学习材料");
                if (i % 7 == 0) { await w.WriteNullAsync(); } else { await w.WriteAsync("交流心得"); }
                await w.WriteAsync(30 + (i % 4 * 30));
                await w.WriteAsync(admin.Id);
                await w.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
                if (i % 7 == 0) { await w.WriteAsync("效果"); } else { await w.WriteNullAsync(); }
            });
        var rows = await db.StudySessions.Where(s => s.UnitId == unit.Id).Select(s => new { s.Id, s.GroupId, s.Date, s.Minutes }).ToListAsync();
        var membersOf = plan.Groups.ToDictionary(g => g.Id, g => g.Members.Select(m => m.PersonId).ToArray());
        await Generator.CopyAsync(connection, """COPY "StudyAttendance" ("SessionId", "UnitId", "GroupId", "PersonId", "Date", "Minutes") FROM STDIN (FORMAT BINARY)""",
            rows.SelectMany((s, k) => Enumerable.Range(0, attendees).Select(a => (s.Id, s.GroupId, Person: membersOf[s.GroupId][((k * 7) + (a * 5)) % perGroup], s.Date, s.Minutes)).DistinctBy(r => r.Person)),
            (w, r) => w.WriteRowAsync(default, r.Id, unit.Id, r.GroupId, r.Person, r.Date, r.Minutes));
        await new NpgsqlCommand("ANALYZE", connection).ExecuteNonQueryAsync();
        var attendance = await db.StudyAttendance.CountAsync(a => a.UnitId == unit.Id);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"study: {people.Length:N0} members in {groups} groups, {rows.Count:N0} sessions, {attendance:N0} attendance rows (loaded in {load.Elapsed.TotalSeconds:F1} s)"));

        var times = new List<double>();
        Ledger? ledger = null;
        for (var run = 0; run < 12; run++)
        {
            await using var s = server.Services.CreateAsyncScope();
            var ledgers = s.ServiceProvider.GetRequiredService<StudyLedger>();
            var watch = Stopwatch.StartNew();
            ledger = await ledgers.ForAsync(viewer, plan.Id, today);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        var warm = times.Skip(2).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"study ledger of the plan ({ledger!.Members.Count:N0} member rows, {ledger.Groups.Count} groups, {ledger.Members.Count(m => m.Light == Features.Lights.Light.Red):N0} red): first {times[0]:F0} ms, warm median {warm[warm.Count / 2]:F0} ms, min {warm[0]:F0} ms, max {warm[^1]:F0} ms over {warm.Count} runs"));
    }
}
