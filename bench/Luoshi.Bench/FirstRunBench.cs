using System.Diagnostics;
using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Lights;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Luoshi.Features.Supervision;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Bench;

/// <summary>
/// The escalation run on a bureau's first day: (1) the bench bureau (100k tasks with their history,
/// supervised from the start of time) meeting the cycle for the first time, then again the same day;
/// (2) a plan of 2,000 tasks imported on 15 June 2026, half of whose dates had already passed, run on
/// the import day, at the end of the grace, and on the first 督办 day after it. Each line: steps, inbox
/// notices (digests counted once), held 督办单, seconds.
/// </summary>
internal static class FirstRunBench
{
    public static async Task RunAsync(BenchOptions options)
    {
        await using var server = await BenchServer.StartAsync(options.ConnectionString);
        var data = await Generator.FillAsync(server, options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data: {data.Tasks:N0} tasks, {data.Reports:N0} reports, generated in {data.Elapsed.TotalSeconds:F0} s"));
        await using (var scope = server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LuoshiDb>().People.Where(p => p.UnitId == data.UnitId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, p => "p" + p.Id + "@bench.local"));
        }

        Console.WriteLine("| run | steps (提醒/催办/督办) | 补发 | skipped earlier steps | inbox notices (digests) | held 督办单 | unread for the office | s |");
        Console.WriteLine("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: |");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await RunOnceAsync(server, data.UnitId, today, $"100k bureau, first run ({today:yyyy-MM-dd})");
        await RunOnceAsync(server, data.UnitId, today, "100k bureau, same day again");

        var june = await JuneUnitAsync(server);
        foreach (var day in new[] { new DateOnly(2026, 6, 15), new DateOnly(2026, 6, 23), new DateOnly(2026, 6, 26) })
        {
            await RunOnceAsync(server, june, day, $"2,000 tasks imported 2026-06-15, run {day:MM-dd}");
        }
    }

    private static async Task RunOnceAsync(BenchServer server, int unitId, DateOnly day, string what)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LuoshiDb>();
        var clock = new BureauClock(new FixedTime(day), services.GetRequiredService<IOptions<ClockOptions>>());
        var run = new EscalationRun(db, services.GetRequiredService<WorkingCalendars>(), services.GetRequiredService<NoticeOutbox>(), clock,
            services.GetRequiredService<IOptions<SupervisionOptions>>(), services.GetServices<IStepRelay>());
        var watch = Stopwatch.StartNew();
        var s = await run.RunAsync(unitId);
        var seconds = watch.Elapsed.TotalSeconds;
        var office = await db.People.Where(p => p.UnitId == unitId && p.Role == Role.Admin).Select(p => p.Id).FirstAsync();
        var unread = await db.Notices.CountAsync(n => n.UnitId == unitId && n.RecipientId == office && n.ReadAt == null);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {what} | {s.Reminders + s.Urges + s.Supervisions:N0} ({s.Reminders:N0}/{s.Urges:N0}/{s.Supervisions:N0}) | {s.CaughtUp:N0} | {s.Skipped:N0} | {s.Notices:N0} ({s.Digests:N0}) | {s.Held:N0} | {unread:N0} | {seconds:F1} |"));
    }

    /// <summary>A unit of 40 sections whose plan of 2,000 tasks (work begun in January, due through the
    /// year) was imported on 15 June: its tasks are signed, some reported.</summary>
    private static async Task<int> JuneUnitAsync(BenchServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LuoshiDb>();
        var unit = await Startup.CreateUnitAsync(services, "六月导入计划的局");
        var sections = Enumerable.Range(1, 40).Select(i => new Section { UnitId = unit.Id, Name = $"科室{i:D2}", SortOrder = i, IsActive = true }).ToList();
        db.Sections.AddRange(sections);
        await db.SaveChangesAsync();
        var people = sections.SelectMany(s => new[]
        {
            new Person { UnitId = unit.Id, SectionId = s.Id, Name = s.Name + "科长", Role = Role.SectionHead, Email = $"h{s.Id}@bench.local" },
            new Person { UnitId = unit.Id, SectionId = s.Id, Name = s.Name + "科员", Role = Role.Staff, Email = $"s{s.Id}@bench.local" },
        }).Append(new Person { UnitId = unit.Id, Name = "分管领导", Role = Role.Leader }).Append(new Person { UnitId = unit.Id, Name = "办公室", Role = Role.Admin, SectionId = sections[0].Id }).ToList();
        db.People.AddRange(people);
        var plan = new Plan { UnitId = unit.Id, Title = "2026年科技工作要点", Year = 2026, CreatedAt = new DateTime(2026, 6, 15, 1, 0, 0, DateTimeKind.Utc), SupervisedFrom = new DateOnly(2026, 6, 15) };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        var leader = people.Single(p => p.Role == Role.Leader).Id;
        var calendar = await services.GetRequiredService<WorkingCalendars>().ForUnitAsync(db, unit.Id);
        var lightOptions = services.GetRequiredService<IOptions<LightOptions>>().Value;
        var random = new Random(20260615);
        for (var i = 0; i < 2000; i++)
        {
            var section = sections[random.Next(sections.Count)];
            var start = new DateOnly(2026, 1, 5).AddDays(random.Next(0, 60));
            var due = new DateOnly(2026, 3, 31).AddDays(random.Next(0, 275));
            var task = new WorkTask
            {
                UnitId = unit.Id, PlanId = plan.Id, SortOrder = i, Number = (i + 1).ToString(CultureInfo.InvariantCulture), Title = $"导入任务（第{i + 1}项）",
                LeadSectionId = section.Id, AssignedSectionId = section.Id, LeadLeaderId = leader, ResponsiblePersonId = people.First(p => p.SectionId == section.Id && p.Role == Role.Staff).Id,
                StartDate = start, DueDate = due, ProgressPercent = random.Next(0, 90), CreatedAt = plan.CreatedAt, UpdatedAt = plan.CreatedAt, SignedAt = plan.CreatedAt,
                Milestones = [new Milestone { UnitId = unit.Id, Title = "阶段目标", DueDate = start.AddDays((due.DayNumber - start.DayNumber) / 2) }],
            };
            TaskSchedule.Refresh(task, plan, calendar, lightOptions);
            db.Tasks.Add(task);
        }

        await db.SaveChangesAsync();
        return unit.Id;
    }

    /// <summary>09:00 in Beijing on the given day.</summary>
    private sealed class FixedTime(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
    }
}
