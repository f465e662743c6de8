using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Lights;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Record;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Requests;

/// <summary>Extension and completion requests and their review: the rules pages and API share.</summary>
internal sealed class TaskRequests(LuoshiDb db, TaskEditor tasks, TaskLights lights, BureauClock clock, PersonNotices notices)
{
    public const int MaxText = 2000;

    /// <summary>Who decides an extension: the task's lead leader, or the office.</summary>
    public static bool MayDecideExtension(Viewer viewer, WorkTask task) => viewer.IsAdmin || task.LeadLeaderId == viewer.PersonId;

    public async Task<Outcome<ExtensionRequest>> RequestExtensionAsync(Viewer viewer, int taskId, DateOnly? newDueDate, string? reason, CancellationToken ct)
    {
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId, ct);
        var task = await tasks.FindVisibleForScheduleAsync(viewer, taskId, ct);
        if (task is null)
        {
            return Outcome<ExtensionRequest>.NotFound();
        }

        if (!(await viewer.RightsOnAsync(db, task, ct)).ReportAsLead)
        {
            return Outcome<ExtensionRequest>.Forbidden("只有牵头科室可以申请延期");
        }

        if (await db.ExtensionRequests.AnyAsync(r => r.TaskId == taskId && r.Status == RequestStatus.Pending, ct))
        {
            return Outcome<ExtensionRequest>.Conflict("该任务已有一份待审核的延期申请，请等待审批结果");
        }

        var problems = new FieldErrors();
        if (task.CompletedOn is not null)
        {
            problems.Add("Task", "任务已办结，无需延期");
        }

        if (newDueDate is not { } due)
        {
            problems.Add("NewDueDate", "请填写新的完成时限");
        }
        else if (due <= task.DueDate || due < clock.Today)
        {
            problems.Add("NewDueDate", $"新的完成时限应晚于原时限（{Ui.Date(task.DueDate)}），且不早于今天");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxText)
        {
            problems.Add("Reason", $"请填写延期理由（不超过{MaxText}字）");
        }

        if (problems.Any)
        {
            return Outcome<ExtensionRequest>.Invalid(problems.ToDictionary());
        }

        var request = new ExtensionRequest
        {
            UnitId = viewer.UnitId, TaskId = taskId, RequestedById = viewer.PersonId, RequestedAt = clock.UtcNow,
            CurrentDueDate = task.DueDate, NewDueDate = newDueDate!.Value, Reason = reason!.Trim(),
        };
        db.ExtensionRequests.Add(request);
        RecordChain.Append(db, viewer.UnitId, "extension-request", request, viewer.PersonId, request.RequestedAt);
        tasks.AddHistory(task, viewer, "extension", $"申请延期：由 {Ui.Date(task.DueDate)} 延至 {Ui.Date(request.NewDueDate)}。理由：{request.Reason}");
        await notices.AddAsync(viewer.UnitId, await ExtensionDeciderIdsAsync(task, ct), NoticeKind.ExtensionRequested, task.Id,
            $"待审批延期：{task.Title}",
            $"{viewer.Name}申请将完成时限由{DeskDates.Formal(task.DueDate)}延至{DeskDates.Formal(request.NewDueDate)}。理由：{request.Reason}", request.RequestedAt, ct);
        return await SaveOnce.RunAsync(db, transaction, request, "该任务已有一份待审核的延期申请，请等待审批结果", ct);
    }

    public async Task<Outcome<ExtensionRequest>> DecideExtensionAsync(Viewer viewer, int requestId, bool approve, string? note, CancellationToken ct)
    {
        await using var transaction = await TaskRowLock.BeginForRowAsync(db, viewer.UnitId, db.ExtensionRequests.Where(r => r.Id == requestId && r.UnitId == viewer.UnitId).Select(r => r.TaskId), ct);
        var request = await db.ExtensionRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.UnitId == viewer.UnitId, ct);
        var task = request is null ? null : await tasks.FindVisibleForScheduleAsync(viewer, request.TaskId, ct);
        if (request is null || task is null)
        {
            return Outcome<ExtensionRequest>.NotFound();
        }

        if (!MayDecideExtension(viewer, task))
        {
            return Outcome<ExtensionRequest>.Forbidden("延期申请由牵头领导或办公室审批");
        }

        if (request.Status != RequestStatus.Pending)
        {
            return Outcome<ExtensionRequest>.Conflict($"该延期申请已审批（{request.Status.Chinese()}），不能重复审批");
        }

        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            return Outcome<ExtensionRequest>.Invalid("Note", "不批准时请写明理由");
        }

        request.Status = approve ? RequestStatus.Approved : RequestStatus.Refused;
        request.DecidedById = viewer.PersonId;
        request.DecidedAt = clock.UtcNow;
        request.DecisionNote = note.OrNull();
        if (approve)
        {
            task.OriginalDueDate ??= task.DueDate;
            task.DueDate = request.NewDueDate;
            task.ExtensionCount++;
            task.UpdatedAt = clock.UtcNow;
            await lights.RecomputeAsync(task, ct);
        }

        tasks.AddHistory(task, viewer, "extension", approve
            ? $"批准延期至 {Ui.Date(request.NewDueDate)}（原时限 {Ui.Date(task.OriginalDueDate)}）"
            : $"不批准延期：{request.DecisionNote}");
        RecordChain.Append(db, viewer.UnitId, "extension-decision", request, viewer.PersonId, request.DecidedAt.Value);
        await notices.AddAsync(viewer.UnitId, [request.RequestedById], NoticeKind.ExtensionDecided, task.Id,
            approve ? $"延期申请已批准：{task.Title}" : $"延期申请未批准：{task.Title}",
            approve
                ? $"{viewer.Name}批准延期，完成时限改为{DeskDates.Formal(request.NewDueDate)}。{(request.DecisionNote is { } n ? "审批意见：" + n : "")}"
                : $"{viewer.Name}未批准延期，完成时限仍为{DeskDates.Formal(task.DueDate)}。理由：{request.DecisionNote}", request.DecidedAt.Value, ct);
        return await SaveOnce.RunAsync(db, transaction, request, "该延期申请刚由他人审批，不能重复审批", ct);
    }

    public async Task<Outcome<CompletionRequest>> DecideCompletionAsync(Viewer viewer, int requestId, bool accept, string? note, CancellationToken ct)
    {
        await using var transaction = await TaskRowLock.BeginForRowAsync(db, viewer.UnitId, db.CompletionRequests.Where(r => r.Id == requestId && r.UnitId == viewer.UnitId).Select(r => r.TaskId), ct);
        var request = await db.CompletionRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.UnitId == viewer.UnitId, ct);
        var task = request is null ? null : await tasks.FindVisibleForScheduleAsync(viewer, request.TaskId, ct);
        if (request is null || task is null)
        {
            return Outcome<CompletionRequest>.NotFound();
        }

        if (!viewer.IsAdmin)
        {
            return Outcome<CompletionRequest>.Forbidden("办结申请由办公室审核");
        }

        if (request.Status != RequestStatus.Pending)
        {
            return Outcome<CompletionRequest>.Conflict($"该办结申请已审核（{request.Status.Chinese(completion: true)}），不能重复审核");
        }

        if (!accept && string.IsNullOrWhiteSpace(note))
        {
            return Outcome<CompletionRequest>.Invalid("Note", "退回时请写明理由");
        }

        request.Status = accept ? RequestStatus.Approved : RequestStatus.Refused;
        request.DecidedById = viewer.PersonId;
        request.DecidedAt = clock.UtcNow;
        request.DecisionNote = note.OrNull();
        if (accept)
        {
            task.CompletedOn = request.ClaimedOn;
            task.ProgressPercent = 100;
            task.UpdatedAt = clock.UtcNow;
            await lights.RecomputeAsync(task, ct);
        }

        tasks.AddHistory(task, viewer, "completion", accept ? $"办结（销号），完成日期 {Ui.Date(request.ClaimedOn)}" : $"办结申请被退回：{request.DecisionNote}");
        RecordChain.Append(db, viewer.UnitId, "completion-decision", request, viewer.PersonId, request.DecidedAt.Value);
        await notices.AddAsync(viewer.UnitId, [request.RequestedById], NoticeKind.CompletionDecided, task.Id,
            accept ? $"已办结销号：{task.Title}" : $"办结申请被退回：{task.Title}",
            accept
                ? $"{viewer.Name}审核通过，任务于{DeskDates.Formal(request.ClaimedOn)}办结。{(request.DecisionNote is { } n ? "审核意见：" + n : "")}"
                : $"{viewer.Name}退回了办结申请，任务继续办理。理由：{request.DecisionNote}", request.DecidedAt.Value, ct);
        return await SaveOnce.RunAsync(db, transaction, request, "该办结申请刚由他人审核，不能重复审核", ct);
    }

    /// <summary>Who is told of a new extension request: the task's lead leader when there is an active
    /// one (the one who must decide), otherwise the office.</summary>
    private async Task<List<int>> ExtensionDeciderIdsAsync(WorkTask task, CancellationToken ct) =>
        task.LeadLeaderId is { } leader && await db.People.AnyAsync(p => p.Id == leader && p.UnitId == task.UnitId && p.IsActive, ct)
            ? [leader]
            : await notices.OfficeAsync(task.UnitId, ct);
}
