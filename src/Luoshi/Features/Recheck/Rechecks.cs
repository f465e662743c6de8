using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Lights;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Record;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Recheck;

/// <summary>
/// 回头看, the rules pages, API and the job share: the office schedules a re-check of closed work, the
/// job starts it on its day as a work item of the original's lead section, and the office concludes it
/// once. Every step holds the original task's row (<see cref="TaskRowLock"/>), so the steps of one
/// re-check take turns and the second of two identical requests is refused (409).
/// </summary>
internal sealed class Rechecks(
    LuoshiDb db, TaskEditor tasks, TaskLights lights, WorkItemCreator creator, WorkingCalendars calendars, PersonNotices notices,
    BureauClock clock, IOptions<RecheckOptions> options, ILogger<Rechecks> log)
{
    public static bool MaySchedule(Viewer viewer) => viewer.IsAdmin;

    /// <summary>The list of re-checks: the office and the bureau's leaders.</summary>
    public static bool MayList(Viewer viewer) => viewer.IsAdmin || viewer.Role == Role.Leader;

    public async Task<Outcome<ScheduledRecheck>> ScheduleAsync(Viewer viewer, RecheckInput input, CancellationToken ct = default)
    {
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, input.TaskId, ct);
        var task = await db.Tasks.VisibleTo(viewer).FirstOrDefaultAsync(t => t.Id == input.TaskId, ct);
        if (task is null)
        {
            return Outcome<ScheduledRecheck>.NotFound();
        }

        if (!MaySchedule(viewer))
        {
            return Outcome<ScheduledRecheck>.Forbidden("回头看由办公室安排");
        }

        var problems = Bounds.Check(input);
        if (task.CompletedOn is not { } closed)
        {
            problems.Add(nameof(input.TaskId), "只能对已办结（销号）的任务或整改措施安排回头看");
        }
        else if (task.Kind == WorkKind.Recheck)
        {
            problems.Add(nameof(input.TaskId), "回头看本身不再安排回头看");
        }
        else if ((input.Months is null) == (input.On is null))
        {
            problems.Add(nameof(input.On), "请填写办结后的月数或回头看日期（二选一）");
        }
        else if (input.On is { } on && on < clock.Today)
        {
            problems.Add(nameof(input.On), "回头看日期不能早于今天");
        }

        if (string.IsNullOrWhiteSpace(input.What))
        {
            problems.Add(nameof(input.What), "请填写回头看的内容");
        }

        if (problems.Any)
        {
            return Outcome<ScheduledRecheck>.Invalid(problems.ToDictionary());
        }

        if (await db.Rechecks.AnyAsync(r => r.UnitId == viewer.UnitId && r.OriginalTaskId == task.Id && r.Result == RecheckResult.Pending, ct))
        {
            return Outcome<ScheduledRecheck>.Conflict(AlreadyScheduled);
        }

        var day = input.On ?? task.CompletedOn!.Value.AddMonths(input.Months!.Value);
        var recheck = new ScheduledRecheck
        {
            UnitId = viewer.UnitId, OriginalTaskId = task.Id, ScheduledFor = day, What = input.What.Trim(), ScheduledById = viewer.PersonId, ScheduledAt = clock.UtcNow,
        };
        db.Rechecks.Add(recheck);
        tasks.AddHistory(task, viewer, "recheck", $"安排回头看：{DeskDates(day)}起，{recheck.What}");
        return await SaveOnce.RunAsync(db, transaction, recheck, AlreadyScheduled, ct);
    }

    /// <summary>The job's work for one unit: every re-check whose day has come gets its work item, once.</summary>
    public async Task<int> StartDueAsync(int unitId, CancellationToken ct = default)
    {
        var today = clock.Today;
        var due = await db.Rechecks.AsNoTracking().Where(r => r.UnitId == unitId && r.RecheckTaskId == null && r.Result == RecheckResult.Pending && r.ScheduledFor <= today)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.OriginalTaskId }).ToListAsync(ct);
        var started = 0;
        foreach (var r in due)
        {
            started += await StartAsync(unitId, r.Id, r.OriginalTaskId, ct) ? 1 : 0;
        }

        return started;
    }

    private async Task<bool> StartAsync(int unitId, int id, int originalId, CancellationToken ct)
    {
        await using var transaction = await TaskRowLock.BeginAsync(db, unitId, originalId, ct);
        var recheck = await db.Rechecks.FirstOrDefaultAsync(r => r.Id == id && r.UnitId == unitId && r.RecheckTaskId == null && r.Result == RecheckResult.Pending, ct);
        var original = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == originalId && t.UnitId == unitId, ct);
        var office = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == (recheck == null ? 0 : recheck.ScheduledById) && p.UnitId == unitId, ct);
        if (recheck is null || original is null || office is null)
        {
            // Another instance started it meanwhile (or it was concluded): nothing to do.
            return false;
        }

        // The re-check is the office's scheduled act coming due: it is made in the name of whoever scheduled it.
        var viewer = new Viewer(office.Id, unitId, office.Name, Role.Admin, office.SectionId, []);
        var today = clock.Today;
        var calendar = await calendars.ForUnitAsync(db, unitId, ct);
        var leader = original.LeadLeaderId is { } l && await db.People.AnyAsync(p => p.Id == l && p.UnitId == unitId && p.IsActive && p.Role == Role.Leader, ct) ? l : (int?)null;
        var title = "回头看：" + original.Title;
        var input = new TaskInput
        {
            Title = title.Length > 500 ? title[..499] + "…" : title, Description = recheck.What, LeadSectionId = original.LeadSectionId, LeadLeaderId = leader,
            StartDate = today, DueDate = calendar.AddWorkingDays(calendar.OnOrAfter(today), options.Value.DueWorkingDays),
        };
        var heads = await SectionHeadsAsync(unitId, original.LeadSectionId, ct);
        var draft = new WorkItemDraft(WorkKind.Recheck, input)
        {
            AddDetails = async (task, token) =>
            {
                recheck.RecheckTaskId = task.Id;
                recheck.StartedOn = today;
                tasks.AddHistory(task, viewer, "recheck", $"对已办结的“{original.Title}”回头看：{recheck.What}");
                tasks.AddHistory(original, viewer, "recheck", $"回头看开始，时限 {Shared.Ui.Date(input.DueDate)}");
                await notices.AddAsync(unitId, heads, NoticeKind.RecheckStarted, task.Id, $"回头看：{original.Title}",
                    $"办公室对已办结的“{original.Title}”开展回头看，请于{DeskDates(input.DueDate!.Value)}前完成并报送情况。回头看内容：{recheck.What}", clock.UtcNow, token);
            },
        };
        var created = await creator.CreateAsync(viewer, draft, ct);
        if (created.Kind != OutcomeKind.Ok)
        {
            // The lead section was closed since, say: logged, and tried again on the next run.
            log.LogWarning("Re-check {Recheck} of task {Task} could not start: {Message}", id, originalId, created.Message);
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return false;
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<Outcome<ScheduledRecheck>> ConcludeAsync(Viewer viewer, int id, RecheckConclusionInput input, CancellationToken ct = default)
    {
        await using var transaction = await TaskRowLock.BeginForRowAsync(db, viewer.UnitId, db.Rechecks.Where(r => r.Id == id && r.UnitId == viewer.UnitId).Select(r => r.OriginalTaskId), ct);
        var recheck = await db.Rechecks.FirstOrDefaultAsync(r => r.Id == id && r.UnitId == viewer.UnitId, ct);
        if (recheck is null || !MayList(viewer))
        {
            return Outcome<ScheduledRecheck>.NotFound();
        }

        if (!viewer.IsAdmin)
        {
            return Outcome<ScheduledRecheck>.Forbidden("回头看的结论由办公室作出");
        }

        if (recheck.Result != RecheckResult.Pending)
        {
            return Outcome<ScheduledRecheck>.Conflict($"该回头看已有结论（{recheck.Result.Chinese()}），不能重复作出结论");
        }

        if (recheck.RecheckTaskId is not { } recheckTaskId)
        {
            return Outcome<ScheduledRecheck>.Conflict($"回头看于{DeskDates(recheck.ScheduledFor)}开始，开始后才能作出结论");
        }

        var today = clock.Today;
        var original = await tasks.FindVisibleForScheduleAsync(viewer, recheck.OriginalTaskId, ct);
        var work = await tasks.FindVisibleForScheduleAsync(viewer, recheckTaskId, ct);
        if (original is null || work is null)
        {
            return Outcome<ScheduledRecheck>.NotFound();
        }

        var problems = Bounds.Check(input);
        if (!input.Passed && string.IsNullOrWhiteSpace(input.Findings))
        {
            problems.Add(nameof(input.Findings), "未通过时请写明发现的问题");
        }

        if (!input.Passed && input.NewDueDate is not { } due)
        {
            problems.Add(nameof(input.NewDueDate), "未通过时请给出新的完成时限");
        }
        else if (!input.Passed && (input.NewDueDate <= today || input.NewDueDate < original.StartDate))
        {
            problems.Add(nameof(input.NewDueDate), "新的完成时限应晚于今天");
        }

        if (problems.Any)
        {
            return Outcome<ScheduledRecheck>.Invalid(problems.ToDictionary());
        }

        var now = clock.UtcNow;
        recheck.Result = input.Passed ? RecheckResult.Passed : RecheckResult.Failed;
        recheck.Findings = input.Findings.OrNull();
        recheck.ReopenedDueDate = input.Passed ? null : input.NewDueDate;
        recheck.ConcludedById = viewer.PersonId;
        recheck.ConcludedAt = now;

        work.CompletedOn = today;
        work.ProgressPercent = 100;
        work.UpdatedAt = now;
        await lights.RecomputeAsync(work, ct);
        if (input.Passed)
        {
            tasks.AddHistory(work, viewer, "recheck", "回头看结论：通过，本次回头看办结");
            tasks.AddHistory(original, viewer, "recheck", "回头看通过，保持办结");
        }
        else
        {
            // Reopened: the section starts the remaining work again from nothing reported, as an appeal re-handled does.
            original.CompletedOn = null;
            original.ProgressPercent = 0;
            original.DueDate = input.NewDueDate!.Value;
            original.UpdatedAt = now;
            await lights.RecomputeAsync(original, ct);
            tasks.AddHistory(work, viewer, "recheck", $"回头看结论：未通过，原任务重新打开。发现的问题：{recheck.Findings}");
            tasks.AddHistory(original, viewer, "recheck", $"回头看未通过，重新打开，新的完成时限 {Shared.Ui.Date(recheck.ReopenedDueDate)}。发现的问题：{recheck.Findings}");
            var recipients = await SectionHeadsAsync(viewer.UnitId, original.LeadSectionId, ct);
            recipients.AddRange(original.ResponsiblePersonId is { } r ? [r] : []);
            await notices.AddAsync(viewer.UnitId, recipients, NoticeKind.RecheckFailed, original.Id, $"回头看未通过，任务重新打开：{original.Title}",
                $"{viewer.Name}作出回头看结论：未通过。发现的问题：{recheck.Findings}。请于{DeskDates(recheck.ReopenedDueDate!.Value)}前重新办结。", now, ct);
        }

        RecordChain.Append(db, viewer.UnitId, "recheck-decision", recheck, viewer.PersonId, now);
        return await SaveOnce.RunAsync(db, transaction, recheck, "该回头看刚由他人作出结论，不能重复作出结论", ct);
    }

    private const string AlreadyScheduled = "该任务已安排回头看，尚未作出结论，不能重复安排";

    private Task<List<int>> SectionHeadsAsync(int unitId, int sectionId, CancellationToken ct) =>
        db.People.Where(p => p.UnitId == unitId && p.SectionId == sectionId && p.Role == Role.SectionHead && p.IsActive).Select(p => p.Id).ToListAsync(ct);

    private static string DeskDates(DateOnly day) => Desk.DeskDates.Formal(day);
}
