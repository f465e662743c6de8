using System.Diagnostics;
using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Reports;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Luoshi.Bench;

internal sealed record BenchData(int UnitId, int[] SectionIds, int[] TaskIds, string AdminLogin, string HeadLogin, string Password, int Tasks, int Sections, long Reports, int Milestones, TimeSpan Elapsed, TimeSpan LightRefresh);

/// <summary>
/// A large bureau, bulk-loaded with PostgreSQL COPY: sections with a head and a staff member each,
/// leaders in charge of 25 sections each, one plan, tasks with a milestone each and monthly
/// reports. Each task's dated facts and light are computed with the app's own rules.
/// </summary>
internal static class Generator
{
    public const string Password = "bench-Password-1";

    public static async Task<BenchData> FillAsync(BenchServer server, BenchOptions options)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LuoshiDb>();
        var today = services.GetRequiredService<BureauClock>().Today;
        var unit = await Startup.CreateUnitAsync(services, "压测市科学技术局");
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { CommandTimeout = 600 }.ConnectionString); // a million rows in one COPY outlast the default 30 s
        await connection.OpenAsync();

        await CopyAsync(connection, """COPY "Sections" ("UnitId", "Name", "SortOrder", "IsActive") FROM STDIN (FORMAT BINARY)""",
            Enumerable.Range(0, options.Sections), (w, i) => w.WriteRowAsync(default, unit.Id, $"科室{i + 1:D4}", i, true));
        var sections = await db.Sections.Where(s => s.UnitId == unit.Id).OrderBy(s => s.SortOrder).Select(s => s.Id).ToArrayAsync();

        // Per section: a head and a staff member; then the leaders.
        var leaders = Math.Max(1, options.Sections / 25);
        await CopyAsync(connection, """COPY "People" ("UnitId", "SectionId", "Name", "Position", "Role", "IsActive") FROM STDIN (FORMAT BINARY)""",
            Enumerable.Range(0, (sections.Length * 2) + leaders), (w, i) => i < sections.Length * 2
                ? w.WriteRowAsync(default, unit.Id, (int?)sections[i / 2], i % 2 == 0 ? $"科长{i / 2}" : $"科员{i / 2}", i % 2 == 0 ? "科长" : "科员", (int)(i % 2 == 0 ? Role.SectionHead : Role.Staff), true)
                : w.WriteRowAsync(default, unit.Id, (int?)null, $"局领导{i}", "副局长", (int)Role.Leader, true));
        var people = await db.People.Where(p => p.UnitId == unit.Id).OrderBy(p => p.Id).Select(p => new { p.Id, p.SectionId, p.Role }).ToListAsync();
        var staffOf = people.Where(p => p.Role == Role.Staff).ToDictionary(p => p.SectionId!.Value, p => p.Id);
        var headOf = people.Where(p => p.Role == Role.SectionHead).ToDictionary(p => p.SectionId!.Value, p => p.Id);
        var leaderIds = people.Where(p => p.Role == Role.Leader).Select(p => p.Id).ToArray();
        await CopyAsync(connection, """COPY "LeaderCharges" ("UnitId", "LeaderId", "SectionId") FROM STDIN (FORMAT BINARY)""",
            Enumerable.Range(0, sections.Length), (w, i) => w.WriteRowAsync(default, unit.Id, leaderIds[i / 25 % leaderIds.Length], sections[i]));

        var users = services.GetRequiredService<UserManager<AppUser>>();
        var admin = new Person { UnitId = unit.Id, Name = "压测管理员", Role = Role.Admin, SectionId = sections[0] };
        db.People.Add(admin);
        var plan = new Plan { UnitId = unit.Id, Title = $"{today.Year}年压测工作要点", Year = today.Year, CreatedAt = DateTime.UtcNow };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        await users.CreateAsync(new AppUser { UserName = "bench-admin", UnitId = unit.Id, PersonId = admin.Id }, Password);
        await users.CreateAsync(new AppUser { UserName = "bench-head", UnitId = unit.Id, PersonId = headOf[sections[7]] }, Password);

        var calendar = await services.GetRequiredService<WorkingCalendars>().ForUnitAsync(db, unit.Id);
        var lightOptions = services.GetRequiredService<IOptions<LightOptions>>().Value;
        var day = TaskLights.DayFor(today, calendar, lightOptions);
        var random = new Random(20261123);
        var tasks = new WorkTask[options.Tasks];
        for (var i = 0; i < tasks.Length; i++)
        {
            var section = sections[random.Next(sections.Length)];
            var start = today.AddDays(-random.Next(0, 330));
            var due = start.AddDays(random.Next(30, 420));
            var task = new WorkTask
            {
                UnitId = unit.Id, PlanId = plan.Id, SortOrder = i, Number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Title = $"{Topics[i % Topics.Length]}（第{i + 1}项）", LeadSectionId = section, LeadLeaderId = leaderIds[random.Next(leaderIds.Length)],
                ResponsiblePersonId = staffOf[section], StartDate = start, DueDate = due, Tags = ["重点工作"],
                ProgressPercent = random.Next(0, 101), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                Milestones = [new Milestone { UnitId = unit.Id, Title = "阶段目标", DueDate = start.AddDays((due.DayNumber - start.DayNumber) / 2), CompletedOn = random.Next(3) == 0 ? start : null }],
            };
            task.CompletedOn = task.ProgressPercent == 100 ? today.AddDays(-1) : null;
            task.LastReportedPeriodEnd = random.Next(4) == 0 ? null : ReportPeriods.Containing(plan, today.AddMonths(-random.Next(0, 3)), calendar).Start.AddDays(-1);
            TaskSchedule.Refresh(task, plan, calendar, lightOptions);
            LightRules.Apply(task, day);
            tasks[i] = task;
        }

        await CopyTasksAsync(connection, tasks);
        var ids = await db.Tasks.Where(t => t.UnitId == unit.Id).Select(t => new { t.Id, t.SortOrder }).ToDictionaryAsync(t => t.SortOrder, t => t.Id);
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i].Id = ids[i];
        }

        await CopyAsync(connection, """COPY "Milestones" ("UnitId", "TaskId", "Title", "DueDate", "CompletedOn", "SortOrder") FROM STDIN (FORMAT BINARY)""",
            tasks, (w, t) => w.WriteRowAsync(default, unit.Id, t.Id, t.Milestones[0].Title, t.Milestones[0].DueDate, t.Milestones[0].CompletedOn, 0));

        var reports = 0L;
        var submitted = DateTime.UtcNow.AddDays(-30);
        await CopyAsync(connection, """
            COPY "Reports" ("UnitId", "TaskId", "SectionId", "AuthorId", "PeriodStart", "PeriodEnd", "SubmittedAt", "IsLate", "Progress", "Percent", "Problems", "NextSteps", "ClaimsCompletion")
            FROM STDIN (FORMAT BINARY)
            """, tasks.SelectMany(t => Enumerable.Range(0, options.ReportsPerTask).Select(k => (t, k))), (w, r) =>
            {
                reports++;
                var month = today.AddMonths(-options.ReportsPerTask + r.k);
                var start = new DateOnly(month.Year, month.Month, 1);
                return w.WriteRowAsync(default, unit.Id, r.t.Id, r.t.LeadSectionId, staffOf[r.t.LeadSectionId], start, start.AddMonths(1).AddDays(-1),
                    submitted.AddMinutes(-r.k * 43200), r.k % 7 == 0, "本月按计划推进，完成了既定的阶段工作，召开调度会一次。", (int?)Math.Min(100, r.k * 10), "部分配套资金尚未到位。", "继续加强调度。", false);
            });

        await new NpgsqlCommand("ANALYZE", connection).ExecuteNonQueryAsync();
        var refresh = Stopwatch.StartNew();
        // Scramble one light in ten, so the refresh has real work to do.
        await db.Tasks.Where(t => t.UnitId == unit.Id && t.Id % 10 == 0).ExecuteUpdateAsync(s => s.SetProperty(t => t.LightReason, LightReason.NotStarted));
        refresh.Restart();
        await services.GetRequiredService<TaskLights>().RefreshUnitAsync(unit.Id);
        var lightRefresh = refresh.Elapsed;
        // What autovacuum would have done on a live system by now (index-only scans need it).
        await new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 }.ExecuteNonQueryAsync();
        return new BenchData(unit.Id, sections, [.. tasks.Select(t => t.Id)], "bench-admin", "bench-head", Password, tasks.Length, sections.Length, reports, tasks.Length, clock.Elapsed, lightRefresh);
    }

    internal static readonly string[] Topics = ["新增高新技术企业", "建设重点实验室", "孵化器提质增效", "科技特派员服务", "技术合同登记", "科普活动进社区", "人才团队引进", "研发费用加计扣除宣传", "中试基地建设", "产学研合作对接"];

    /// <summary>Tasks by COPY: the column list goes with <see cref="WriteTaskAsync"/>, which writes them in this order.</summary>
    internal static Task CopyTasksAsync(NpgsqlConnection connection, IEnumerable<WorkTask> tasks) => CopyAsync(connection, """
        COPY "Tasks" ("UnitId", "PlanId", "Number", "SortOrder", "Title", "LeadLeaderId", "LeadSectionId", "ResponsiblePersonId", "StartDate", "DueDate", "Tags",
          "ProgressPercent", "LastReportedPeriodEnd", "CompletedOn", "DueBy", "NextMilestoneDueBy", "ReportMissingFrom", "BehindFrom", "Light", "LightReason", "CreatedAt", "UpdatedAt",
          "Kind", "ExtensionCount", "AssignedSectionId", "Version", "Restricted") FROM STDIN (FORMAT BINARY)
        """, tasks, WriteTaskAsync);

    internal static async Task WriteTaskAsync(NpgsqlBinaryImporter w, WorkTask t)
    {
        await w.StartRowAsync();
        await w.WriteAsync(t.UnitId);
        await w.WriteAsync(t.PlanId);
        await w.WriteAsync(t.Number);
        await w.WriteAsync(t.SortOrder);
        await w.WriteAsync(t.Title);
        await w.WriteAsync(t.LeadLeaderId!.Value);
        await w.WriteAsync(t.LeadSectionId);
        await w.WriteAsync(t.ResponsiblePersonId!.Value);
        await w.WriteAsync(t.StartDate, NpgsqlDbType.Date);
        await w.WriteAsync(t.DueDate, NpgsqlDbType.Date);
        await w.WriteAsync(t.Tags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        await w.WriteAsync(t.ProgressPercent);
        await WriteDateAsync(w, t.LastReportedPeriodEnd);
        await WriteDateAsync(w, t.CompletedOn);
        await w.WriteAsync(t.DueBy, NpgsqlDbType.Date);
        await WriteDateAsync(w, t.NextMilestoneDueBy);
        await WriteDateAsync(w, t.ReportMissingFrom);
        await WriteDateAsync(w, t.BehindFrom);
        await w.WriteAsync((int)t.Light);
        await w.WriteAsync((int)t.LightReason);
        await w.WriteAsync(t.CreatedAt, NpgsqlDbType.TimestampTz);
        await w.WriteAsync(t.UpdatedAt, NpgsqlDbType.TimestampTz);
        await w.WriteAsync((int)t.Kind);
        await w.WriteAsync(t.ExtensionCount);
        await w.WriteAsync(t.LeadSectionId);
        await w.WriteAsync(t.Version);
        await w.WriteAsync(t.Restricted);
    }

    internal static Task WriteDateAsync(NpgsqlBinaryImporter w, DateOnly? date) =>
        date is { } d ? w.WriteAsync(d, NpgsqlDbType.Date) : w.WriteNullAsync();

    internal static async Task CopyAsync<T>(NpgsqlConnection connection, string copy, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, Task> write)
    {
        await using var writer = await connection.BeginBinaryImportAsync(copy);
        foreach (var row in rows)
        {
            await write(writer, row);
        }

        await writer.CompleteAsync();
    }
}
