using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Record;
using Luoshi.Features.Reports;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Supervision;

/// <summary>
/// The course of a 督办单 after it is issued: the lead section opens it (签收) and replies with text
/// and evidence (反馈); the office accepts the reply (办结) or sends it back with a reason, and the
/// reply clock starts again. Each step happens once: the task's row lock orders them and the
/// sheet's state and the reply's status are concurrency tokens.
/// </summary>
internal sealed class SheetReplies(
    LuoshiDb db, TaskEditor tasks, WorkingCalendars calendars, SheetNotices notices, BureauClock clock,
    IOptions<SupervisionOptions> options, IOptions<EvidenceOptions> evidenceOptions)
{
    /// <summary>Who answers a sheet: the lead section's head, or the task's responsible person.</summary>
    public static bool MayReply(Viewer viewer, WorkTask task) =>
        viewer.Role is Role.SectionHead or Role.Staff && viewer.SectionId == task.LeadSectionId
        && (viewer.Role == Role.SectionHead || task.ResponsiblePersonId == viewer.PersonId);

    /// <summary>签收: the first time someone who answers the sheet opens it.</summary>
    public async Task AcknowledgeAsync(Viewer viewer, EscalationStep sheet, WorkTask task, CancellationToken ct)
    {
        if (sheet.State != SheetState.Issued || !MayReply(viewer, task))
        {
            return;
        }

        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.EscalationSteps.Where(s => s.Id == sheet.Id && s.State == SheetState.Issued)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SheetState.Acknowledged).SetProperty(s => s.AcknowledgedAt, now).SetProperty(s => s.AcknowledgedById, viewer.PersonId), ct);
        if (changed == 1)
        {
            tasks.AddHistory(task, viewer, "sheet", $"{viewer.Name}签收{sheet.SheetNumber}");
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        (sheet.State, sheet.AcknowledgedAt, sheet.AcknowledgedById) = (SheetState.Acknowledged, now, viewer.PersonId);
    }

    public async Task<Outcome<SheetReply>> ReplyAsync(Viewer viewer, long sheetId, string? text, IReadOnlyCollection<long>? evidenceIds, CancellationToken ct)
    {
        var taskId = await db.EscalationSteps.Where(s => s.Id == sheetId && s.UnitId == viewer.UnitId && s.Step == StepKind.Supervise).Select(s => (int?)s.TaskId).FirstOrDefaultAsync(ct);
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId ?? 0, ct);
        var task = taskId is { } id ? await tasks.FindVisibleAsync(viewer, id, ct) : null;
        if (task is null)
        {
            return Outcome<SheetReply>.NotFound();
        }

        var sheet = await db.EscalationSteps.FirstAsync(s => s.Id == sheetId, ct);
        if (!MayReply(viewer, task))
        {
            return Outcome<SheetReply>.Forbidden("督办单由牵头科室的科长或责任人反馈");
        }

        if (sheet.State == SheetState.Replied)
        {
            return Outcome<SheetReply>.Conflict("该督办单已反馈，正等待办公室审核");
        }

        if (sheet.State == SheetState.Closed || task.CompletedOn is not null)
        {
            return Outcome<SheetReply>.Conflict("该督办单已办结，无需再反馈");
        }

        var problems = new FieldErrors();
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > SupervisionOptions.MaxText)
        {
            problems.Add("Text", $"请填写办理情况（不超过{SupervisionOptions.MaxText}字）");
        }

        var ids = (evidenceIds ?? []).Distinct().ToList();
        var files = ids.Count == 0 ? [] : await db.Evidence.Where(e => ids.Contains(e.Id) && e.UnitId == viewer.UnitId && e.UploadedById == viewer.PersonId).ToListAsync(ct);
        if (ids.Count > evidenceOptions.Value.MaxFilesPerReport)
        {
            problems.Add("EvidenceIds", $"每次反馈最多附{evidenceOptions.Value.MaxFilesPerReport}个文件");
        }
        else if (files.Count != ids.Count)
        {
            problems.Add("EvidenceIds", "附件不存在，或不是您上传的");
        }

        if (problems.Any)
        {
            return Outcome<SheetReply>.Invalid(problems.ToDictionary());
        }

        if (files.FirstOrDefault(f => f.ReportId is not null || f.ReplyId is not null) is { } used)
        {
            return Outcome<SheetReply>.Conflict($"附件“{used.FileName}”已被使用（同一份反馈可能已经提交过），请刷新后查看");
        }

        var now = clock.UtcNow;
        var reply = new SheetReply { UnitId = viewer.UnitId, StepId = sheetId, TaskId = task.Id, AuthorId = viewer.PersonId, Text = text!.Trim(), SubmittedAt = now, Evidence = files };
        db.SheetReplies.Add(reply);
        sheet.State = SheetState.Replied;
        sheet.AcknowledgedAt ??= now;
        sheet.AcknowledgedById ??= viewer.PersonId;
        tasks.AddHistory(task, viewer, "sheet", $"{sheet.SheetNumber}反馈：{reply.Text}{(files.Count > 0 ? $"（附件 {files.Count} 个）" : "")}");
        RecordChain.Append(db, viewer.UnitId, "sheet-reply", reply, viewer.PersonId, now);
        await notices.AddAsync(await notices.OfficeOfAsync(task, ct), new Notice
        {
            UnitId = viewer.UnitId, Kind = NoticeKind.SheetReply, TaskId = task.Id,
            Title = $"【督办反馈】{sheet.SheetNumber} {TaskNames.Of(task)}", Body = $"{viewer.Name}反馈：{reply.Text}",
        }, robots: false, now, ct);
        return await SaveOnce.RunAsync(db, transaction, reply, "该督办单已反馈，正等待办公室审核", ct);
    }

    public async Task<Outcome<SheetReply>> DecideAsync(Viewer viewer, long replyId, bool accept, string? note, CancellationToken ct)
    {
        await using var transaction = await TaskRowLock.BeginForRowAsync(db, viewer.UnitId, db.SheetReplies.Where(r => r.Id == replyId && r.UnitId == viewer.UnitId).Select(r => r.TaskId), ct);
        var reply = await db.SheetReplies.FirstOrDefaultAsync(r => r.Id == replyId && r.UnitId == viewer.UnitId, ct);
        var task = reply is null ? null : await tasks.FindVisibleAsync(viewer, reply.TaskId, ct);
        if (reply is null || task is null)
        {
            return Outcome<SheetReply>.NotFound();
        }

        if (!viewer.IsAdmin)
        {
            return Outcome<SheetReply>.Forbidden("督办反馈由办公室审核");
        }

        if (reply.Status != ReplyStatus.Pending)
        {
            return Outcome<SheetReply>.Conflict($"该反馈已审核（{reply.Status.Chinese()}），不能重复审核");
        }

        if (!accept && (string.IsNullOrWhiteSpace(note) || note.Trim().Length > SupervisionOptions.MaxText))
        {
            return Outcome<SheetReply>.Invalid("Note", $"退回时请写明理由（不超过{SupervisionOptions.MaxText}字）");
        }

        var (today, now) = (clock.Today, clock.UtcNow);
        var sheet = await db.EscalationSteps.FirstAsync(s => s.Id == reply.StepId, ct);
        reply.Status = accept ? ReplyStatus.Accepted : ReplyStatus.Returned;
        reply.DecidedById = viewer.PersonId;
        reply.DecidedAt = now;
        reply.DecisionNote = note.OrNull();
        if (accept)
        {
            sheet.State = SheetState.Closed;
            sheet.ClosedAt = now;
        }
        else
        {
            var calendar = await calendars.ForUnitAsync(db, viewer.UnitId, ct);
            sheet.State = SheetState.Acknowledged;
            sheet.ReplyDueBy = calendar.AddWorkingDays(calendar.OnOrAfter(today), options.Value.ReplyWithinDays);
        }

        var summary = accept ? $"{sheet.SheetNumber}的反馈经办公室认可，督办办结" : $"{sheet.SheetNumber}的反馈被退回：{reply.DecisionNote}，请于 {Ui.Date(sheet.ReplyDueBy)} 前重新反馈";
        tasks.AddHistory(task, viewer, "sheet", summary);
        RecordChain.Append(db, viewer.UnitId, "reply-decision", reply, viewer.PersonId, now);
        await notices.AddAsync([reply.AuthorId, .. await notices.SectionAsync(task, ct)], new Notice
        {
            UnitId = viewer.UnitId, Kind = NoticeKind.ReplyDecision, TaskId = task.Id,
            Title = $"【{(accept ? "督办办结" : "反馈退回")}】{sheet.SheetNumber} {TaskNames.Of(task)}", Body = summary,
        }, robots: false, now, ct);
        return await SaveOnce.RunAsync(db, transaction, reply, "该反馈刚由他人审核，不能重复审核", ct);
    }
}
