using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Assignment;

/// <summary>The office's answer to a 退办: 改派 to <paramref name="LeadSectionId"/>/<paramref name="ResponsiblePersonId"/>, or 坚持 with a note.</summary>
internal sealed record ReturnDecision(bool Reassign, int? LeadSectionId, int? ResponsiblePersonId, string? Note);

/// <summary>退办 and the office's decision on it: the rules pages and API share.</summary>
internal sealed class TaskReturns(LuoshiDb db, TaskEditor tasks, Reassigner reassigner, PlanCache plans, WorkingCalendars calendars, PersonNotices notices, BureauClock clock)
{
    /// <summary>The last working day on which the task may still be returned: the plan's working days after 交办.</summary>
    public static DateOnly WindowEnd(WorkTask task, Plan plan, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(calendar.OnOrAfter(task.AssignedOn ?? DateOnly.FromDateTime(task.CreatedAt)), plan.ReturnWithinDays);

    /// <summary>Why the viewer may not return the task now, or null when the button shows.</summary>
    public static string? Refusal(Viewer viewer, WorkTask task, DateOnly today, DateOnly windowEnd) =>
        viewer.Role != Role.SectionHead || viewer.SectionId != task.LeadSectionId ? "只有牵头科室负责人可以退办"
        : task.CompletedOn is not null ? "任务已办结，不能退办"
        : task.SignedAt is not null ? "任务已签收，不能退办；确需调整请联系办公室"
        : today > windowEnd ? $"已超过退办时限（交办后至 {Ui.Date(windowEnd)} 止），请签收；确需调整请联系办公室"
        : null;

    public async Task<Outcome<TaskReturn>> RequestAsync(Viewer viewer, int taskId, string? reason, CancellationToken ct)
    {
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId, ct);
        var task = await tasks.FindVisibleForScheduleAsync(viewer, taskId, ct);
        if (task is null)
        {
            return Outcome<TaskReturn>.NotFound();
        }

        var plan = await plans.GetAsync(db, task.PlanId, ct);
        var calendar = await calendars.ForUnitAsync(db, viewer.UnitId, ct);
        var assignedOn = task.AssignedOn ?? DateOnly.FromDateTime(task.CreatedAt);
        if (await db.TaskReturns.AsNoTracking().FirstOrDefaultAsync(r => r.TaskId == taskId && r.SectionId == task.LeadSectionId && r.AssignedOn == assignedOn, ct) is { } earlier)
        {
            return Outcome<TaskReturn>.Conflict($"本科室已于 {clock.ToLocal(earlier.RequestedAt):yyyy-MM-dd HH:mm} 退办过该任务（{earlier.Status.Chinese()}），不能重复退办");
        }

        if (Refusal(viewer, task, clock.Today, WindowEnd(task, plan, calendar)) is { } refusal)
        {
            return viewer.Role == Role.SectionHead && viewer.SectionId == task.LeadSectionId
                ? Outcome<TaskReturn>.Invalid("Task", refusal)
                : Outcome<TaskReturn>.Forbidden(refusal);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > TaskReturn.MaxText)
        {
            return Outcome<TaskReturn>.Invalid("Reason", $"请写明退办理由（不超过{TaskReturn.MaxText}字）");
        }

        var request = new TaskReturn
        {
            UnitId = viewer.UnitId, TaskId = task.Id, SectionId = task.LeadSectionId, AssignedOn = assignedOn,
            RequestedById = viewer.PersonId, RequestedAt = clock.UtcNow, Reason = reason.Trim(),
        };
        db.TaskReturns.Add(request);
        tasks.AddHistory(task, viewer, "task-return", $"退办：认为不属于本科室职责，请办公室改派。理由：{request.Reason}");
        var office = await db.People.AsNoTracking().Where(p => p.UnitId == viewer.UnitId && p.IsActive && p.Role == Role.Admin).ToListAsync(ct);
        await notices.AddAsync(viewer.UnitId, office, new Notice
        {
            UnitId = viewer.UnitId, Kind = NoticeKind.TaskReturned, TaskId = task.Id,
            Title = $"【退办】{task.Title}",
            Body = $"{viewer.Name}退办了任务“{task.Title}”，请改派或坚持原交办。理由：{request.Reason}",
        }, ct);
        return await SaveOnce.RunAsync(db, transaction, request, "本科室刚退办过该任务，不能重复退办", ct);
    }

    public async Task<Outcome<TaskReturn>> DecideAsync(Viewer viewer, int returnId, ReturnDecision decision, CancellationToken ct)
    {
        await using var transaction = await TaskRowLock.BeginForRowAsync(db, viewer.UnitId, db.TaskReturns.Where(r => r.Id == returnId && r.UnitId == viewer.UnitId).Select(r => r.TaskId), ct);
        var request = await db.TaskReturns.FirstOrDefaultAsync(r => r.Id == returnId && r.UnitId == viewer.UnitId, ct);
        var task = request is null ? null : await tasks.FindVisibleForScheduleAsync(viewer, request.TaskId, ct);
        if (request is null || task is null)
        {
            return Outcome<TaskReturn>.NotFound();
        }

        if (!viewer.IsAdmin)
        {
            return Outcome<TaskReturn>.Forbidden("退办由办公室处理");
        }

        if (request.Status != TaskReturnStatus.Pending)
        {
            return Outcome<TaskReturn>.Conflict($"该退办已处理（{request.Status.Chinese()}），不能重复处理");
        }

        var note = decision.Note.OrNull();
        if (note?.Length > TaskReturn.MaxText)
        {
            return Outcome<TaskReturn>.Invalid("Note", $"意见不超过{TaskReturn.MaxText}字");
        }

        var roster = await Roster.LoadAsync(db, viewer.UnitId, ct);
        var plan = await plans.GetAsync(db, task.PlanId, ct);
        var calendar = await calendars.ForUnitAsync(db, viewer.UnitId, ct);
        if (decision.Reassign)
        {
            var to = new Destination(decision.LeadSectionId ?? task.LeadSectionId, decision.ResponsiblePersonId);
            if (roster.Refuse(to) is { } problem)
            {
                return Outcome<TaskReturn>.Invalid(decision.ResponsiblePersonId is null ? "LeadSectionId" : "ResponsiblePersonId", problem);
            }

            if (to.SectionId == task.LeadSectionId && to.PersonId == task.ResponsiblePersonId)
            {
                return Outcome<TaskReturn>.Invalid("LeadSectionId", "改派须换一个牵头科室或责任人；维持原交办请选“坚持”");
            }

            await reassigner.MoveAsync(viewer, task, plan, calendar, roster, to, note ?? $"退办：{request.Reason}", request.Id, null, ct);
        }
        else
        {
            if (note is null)
            {
                return Outcome<TaskReturn>.Invalid("Note", "坚持原交办时请写明理由");
            }

            // The section waited for the office: it gets the plan's full time to sign from today, on the same assignment.
            var signBy = calendar.AddWorkingDays(calendar.OnOrAfter(clock.Today), plan.SignWithinDays);
            if (task.SignedAt is null && (task.SignDueBy is not { } due || due < signBy))
            {
                task.SignDueBy = signBy;
                task.UpdatedAt = clock.UtcNow;
            }

            tasks.AddHistory(task, viewer, "task-return", $"办公室坚持原交办，请{roster.Section(task.LeadSectionId)}签收办理。理由：{note}");
            await notices.AddAsync(viewer.UnitId, roster.HeadsOf(task.LeadSectionId).Append(roster.People.GetValueOrDefault(request.RequestedById)).OfType<Person>(), new Notice
            {
                UnitId = viewer.UnitId, Kind = NoticeKind.TaskReturnDecided, TaskId = task.Id,
                Title = $"【退办未同意】{task.Title}",
                Body = $"办公室坚持原交办，请于 {Ui.Date(task.SignDueBy)} 前签收办理。理由：{note}",
            }, ct);
        }

        request.Status = decision.Reassign ? TaskReturnStatus.Reassigned : TaskReturnStatus.Kept;
        request.DecidedById = viewer.PersonId;
        request.DecidedAt = clock.UtcNow;
        request.DecisionNote = note;
        return await SaveOnce.RunAsync(db, transaction, request, "该退办刚由他人处理，不能重复处理", ct);
    }
}
