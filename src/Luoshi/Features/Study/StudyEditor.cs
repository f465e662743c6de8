using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Study;

/// <summary>Setting up study plans and recording sessions: the rules pages and API share.</summary>
internal sealed class StudyEditor(LuoshiDb db, WorkItemCreator workItems, TaskLights lights, StudyLedger ledger, PlanCache plans, BureauClock clock)
{
    private const int MinutesPerDay = 24 * 60;
    private static readonly int[] QuarterEnds = [3, 6, 9, 12];

    /// <summary>Creates the plan, its groups and, per group, the work task that carries the
    /// requirement (due at the year's end, a milestone per quarter), all or nothing.</summary>
    public async Task<Outcome<StudyPlan>> CreatePlanAsync(Viewer viewer, PlanInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<StudyPlan>.Forbidden("只有办公室（管理员）可以制定学习计划");
        }

        var problems = new FieldErrors();
        var people = await db.People.Where(p => p.UnitId == viewer.UnitId && p.IsActive).Select(p => p.Id).ToListAsync(ct);
        var sections = await db.Sections.Where(s => s.UnitId == viewer.UnitId).Select(s => s.Id).ToListAsync(ct);
        foreach (var (g, i) in input.Groups.Select((g, i) => (g, i)))
        {
            if (!sections.Contains(g.SectionId))
            {
                problems.Add($"Groups[{i}].SectionId", "组织科室不存在");
            }

            if (g.MemberIds.Except(people).Any())
            {
                problems.Add($"Groups[{i}].MemberIds", "学习组成员不是本单位人员");
            }
        }

        if (input.Groups.Count == 0)
        {
            problems.Add(nameof(input.Groups), "请至少设置一个学习组");
        }

        if (problems.Any)
        {
            return Outcome<StudyPlan>.Invalid(problems.ToDictionary());
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.UtcNow;
        var workPlan = new Plan { UnitId = viewer.UnitId, Title = $"{input.Title.Trim()}（学习台账）", Year = input.Year, Cadence = ReportCadence.Quarterly, CreatedAt = now };
        db.Plans.Add(workPlan);
        await db.SaveChangesAsync(ct);
        var plan = new StudyPlan { UnitId = viewer.UnitId, Year = input.Year, Title = input.Title.Trim(), WorkPlanId = workPlan.Id, CreatedAt = now };
        foreach (var g in input.Groups)
        {
            var required = (int)Math.Round(g.RequiredHours * 60);
            var task = await workItems.CreateAsync(viewer, new WorkItemDraft(WorkKind.Task, new TaskInput
            {
                Title = $"{g.Name.Trim()}学习：集中学习不少于{g.RequiredSessions}次，人均不少于{StudyNames.Hours(required)}学时",
                LeadSectionId = g.SectionId, StartDate = new DateOnly(input.Year, 1, 1), DueDate = new DateOnly(input.Year, 12, 31), Tags = ["学习台账"],
            })
            {
                PlanId = workPlan.Id,
                Milestones = [.. QuarterEnds.Select((m, q) => new MilestoneInput
                {
                    Title = $"第{q + 1}季度学时达到全年要求的{(q + 1) * 25}%", DueDate = new DateOnly(input.Year, m, DateTime.DaysInMonth(input.Year, m)),
                })],
            }, ct);
            if (task.Kind != OutcomeKind.Ok)
            {
                return task.Kind == OutcomeKind.Forbidden ? Outcome<StudyPlan>.Forbidden(task.Message!) : Outcome<StudyPlan>.Invalid(task.Errors ?? []);
            }

            plan.Groups.Add(new StudyGroup
            {
                UnitId = viewer.UnitId, Name = g.Name.Trim(), Kind = g.Kind, SectionId = g.SectionId, RequiredSessions = g.RequiredSessions, RequiredMinutes = required,
                TaskId = task.Value!.Id, Members = [.. g.MemberIds.Distinct().Select(p => new StudyMember { UnitId = viewer.UnitId, PersonId = p })],
            });
        }

        db.StudyPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        plans.Invalidate(workPlan);
        return Outcome<StudyPlan>.Ok(plan);
    }

    public async Task<Outcome<StudySession>> RecordAsync(Viewer viewer, SessionInput input, CancellationToken ct = default)
    {
        var group = await db.StudyGroups.Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == input.GroupId && g.UnitId == viewer.UnitId, ct);
        var memberIds = group?.Members.Select(m => m.PersonId).ToList() ?? [];
        var headOfAMember = viewer.Role == Role.SectionHead && await db.People.AnyAsync(p => memberIds.Contains(p.Id) && p.SectionId == viewer.SectionId, ct);
        if (group is null || !(StudyAccess.SeesAll(viewer) || StudyAccess.Manages(viewer, group.SectionId) || memberIds.Contains(viewer.PersonId) || headOfAMember))
        {
            return Outcome<StudySession>.NotFound();
        }

        if (!StudyAccess.Manages(viewer, group.SectionId))
        {
            return Outcome<StudySession>.Forbidden("只有办公室或组织该学习的科室科长可以登记学习");
        }

        var year = await db.StudyPlans.Where(p => p.Id == group.PlanId).Select(p => p.Year).SingleAsync(ct);
        var problems = await ValidateAsync(viewer, input, group, year, ct);
        if (problems.Any)
        {
            return Outcome<StudySession>.Invalid(problems.ToDictionary());
        }

        var minutes = (int)Math.Round(input.Hours * 60);
        var date = input.Date!.Value;
        var attendees = (input.AttendeeIds ?? []).Distinct().ToList();
        var missing = StudySession.MissingParts(minutes, input.Topic, attendees.Count, input.Effect);
        var session = new StudySession
        {
            UnitId = viewer.UnitId, GroupId = group.Id, Date = date, Form = input.Form, Topic = input.Topic.OrNull(), Materials = input.Materials.OrNull(),
            Effect = input.Effect.OrNull(), Minutes = minutes, RecordedById = viewer.PersonId, RecordedAt = clock.UtcNow,
            Missing = missing.Length == 0 ? null : string.Join("、", missing),
            Attendance = [.. attendees.Select(p => new StudyAttendance { UnitId = viewer.UnitId, GroupId = group.Id, PersonId = p, Date = date, Minutes = minutes })],
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.StudySessions.Add(session);
        await db.SaveChangesAsync(ct);
        await SyncTaskAsync(viewer, group, ct);
        await tx.CommitAsync(ct);
        return Outcome<StudySession>.Ok(session);
    }

    private async Task<FieldErrors> ValidateAsync(Viewer viewer, SessionInput input, StudyGroup group, int year, CancellationToken ct)
    {
        var problems = new FieldErrors();
        if (input.Hours is < 0 or > 24)
        {
            problems.Add(nameof(input.Hours), "学时应在0到24小时之间");
        }

        if (input.Date is not { } date)
        {
            problems.Add(nameof(input.Date), "请填写学习日期");
            return problems;
        }

        if (date.Year != year)
        {
            problems.Add(nameof(input.Date), $"学习日期应在计划年度（{year}年）内");
        }
        else if (date > clock.Today)
        {
            problems.Add(nameof(input.Date), "学习日期不能晚于今天");
        }

        if (!Enum.IsDefined(input.Form))
        {
            problems.Add(nameof(input.Form), "学习形式应为自学、集中学习、专题讲座或交流座谈");
        }

        var ids = (input.AttendeeIds ?? []).Distinct().ToList();
        var known = await db.People.Where(p => p.UnitId == viewer.UnitId && p.IsActive && ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        if (known.Count < ids.Count)
        {
            problems.Add(nameof(input.AttendeeIds), "参加人员中有不属于本单位的人员");
        }

        var outside = known.Where(p => group.Members.All(m => m.PersonId != p.Id)).Select(p => p.Name).ToList();
        if (outside.Count > 0)
        {
            problems.Add(nameof(input.AttendeeIds), $"{string.Join("、", outside)}不是“{group.Name}”的成员");
        }

        if (problems.Any)
        {
            return problems;
        }

        var minutes = (int)Math.Round(input.Hours * 60);
        var sameDay = await db.StudyAttendance.Where(a => a.UnitId == viewer.UnitId && a.Date == date && ids.Contains(a.PersonId))
            .GroupBy(a => a.PersonId).Select(g => new { PersonId = g.Key, Minutes = g.Sum(a => a.Minutes) }).ToListAsync(ct);
        var over = sameDay.Where(d => d.Minutes + minutes > MinutesPerDay).Select(d => known.First(p => p.Id == d.PersonId).Name).ToList();
        if (over.Count > 0)
        {
            problems.Add(nameof(input.Hours), $"{string.Join("、", over)}在{date:yyyy-MM-dd}的学时合计将超过24小时");
        }

        return problems;
    }

    /// <summary>The group's task reports the share of the requirement done, and a quarter's
    /// milestone is met when the share reaches that quarter's part of the year (25%, 50% …); a
    /// quarter that ends short leaves its milestone overdue, so the task turns red and is escalated.</summary>
    private async Task SyncTaskAsync(Viewer viewer, StudyGroup group, CancellationToken ct)
    {
        var today = clock.Today;
        var totals = await ledger.ForAsync(viewer with { Role = Role.Admin }, group.PlanId, today, ct);
        var total = totals!.Groups.Single(g => g.Id == group.Id);
        var task = await db.Tasks.Include(t => t.Milestones).SingleAsync(t => t.Id == group.TaskId, ct);
        task.ProgressPercent = total.ProgressPercent;
        task.LastReportedAt = clock.UtcNow;
        task.UpdatedAt = clock.UtcNow;
        foreach (var m in task.Milestones.Where(m => m.CompletedOn is null && total.ProgressPercent >= (m.SortOrder + 1) * 25))
        {
            m.CompletedOn = today;
            m.CompletionNote = $"学习台账：已完成全年要求的{total.ProgressPercent}%";
        }

        if (total.Light == Light.Done)
        {
            task.CompletedOn ??= today;
        }

        db.TaskEvents.Add(new TaskEvent { UnitId = task.UnitId, TaskId = task.Id, At = clock.UtcNow, ActorId = viewer.PersonId, Kind = "study", Summary = $"学习台账登记学习，完成全年要求的{total.ProgressPercent}%" });
        await lights.RecomputeAsync(task, ct);
        await db.SaveChangesAsync(ct);
    }
}
