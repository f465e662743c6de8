using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Record;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Supervision;

/// <summary>
/// 催办 and 督办 by the office's hand, with a written message. A manual 督办 is a 督办单 like the
/// daily run's: it takes the next number of the same yearly sequence, under the same unit lock, so
/// the numbers stay gapless and unique whoever issues them and however many at once.
/// </summary>
internal sealed class ManualEscalation(LuoshiDb db, TaskEditor tasks, WorkingCalendars calendars, SheetNotices notices, BureauClock clock, IOptions<SupervisionOptions> options,
    IEnumerable<IStepRelay> relays)
{
    public async Task<Outcome<EscalationStep>> IssueAsync(Viewer viewer, int taskId, StepKind step, string? message, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await UnitLock.TakeAsync(db, viewer.UnitId, "escalation", ct);
        var task = await tasks.FindVisibleAsync(viewer, taskId, ct);
        if (task is null)
        {
            return Outcome<EscalationStep>.NotFound();
        }

        if (!viewer.IsAdmin)
        {
            return Outcome<EscalationStep>.Forbidden("催办和督办由办公室发出");
        }

        var problems = new FieldErrors();
        if (step == StepKind.Remind)
        {
            problems.Add("Step", "办公室可发出催办或督办");
        }

        if (task.CompletedOn is not null)
        {
            problems.Add("Task", "任务已办结，无需催办督办");
        }

        if (string.IsNullOrWhiteSpace(message) || message.Trim().Length > SupervisionOptions.MaxText)
        {
            problems.Add("Message", $"请填写{step.Chinese()}意见（不超过{SupervisionOptions.MaxText}字）");
        }

        if (problems.Any)
        {
            return Outcome<EscalationStep>.Invalid(problems.ToDictionary());
        }

        var (today, now) = (clock.Today, clock.UtcNow);
        if (await db.EscalationSteps.AnyAsync(s => s.UnitId == viewer.UnitId && s.TaskId == taskId && s.Deadline == DeadlineKind.Manual && s.DueOn == today && s.Step == step, ct))
        {
            return Outcome<EscalationStep>.Conflict($"今天已对该任务发出过{step.Chinese()}，请勿重复发出");
        }

        var calendar = await calendars.ForUnitAsync(db, viewer.UnitId, ct);
        var supervise = step == StepKind.Supervise;
        var entry = new EscalationStep
        {
            UnitId = viewer.UnitId, TaskId = taskId, Deadline = DeadlineKind.Manual, DueOn = today, Step = step, RaisedOn = today, RaisedAt = now,
            Source = StepSource.Manual, Message = message!.Trim(), IssuedById = viewer.PersonId,
            Year = supervise ? today.Year : null,
            Sequence = supervise ? await SheetNumbers.NextAsync(db, viewer.UnitId, today.Year, ct) : null,
            ReplyDueBy = supervise ? calendar.AddWorkingDays(calendar.OnOrAfter(today), options.Value.ReplyWithinDays) : null,
            Facts = await FactsAsync(task, today, calendar, ct),
        };
        db.EscalationSteps.Add(entry);

        var section = await notices.SectionAsync(task, ct);
        var recipients = supervise ? [.. section, .. await notices.LeadersAsync(task, ct)] : section;
        var name = TaskNames.Of(task);
        entry.Notices.AddRange(await notices.AddAsync(recipients, new Notice
        {
            UnitId = viewer.UnitId, Kind = supervise ? NoticeKind.ManualSupervise : NoticeKind.ManualUrge, TaskId = taskId,
            Title = $"【{step.Chinese()}】{name}",
            Body = supervise
                ? $"{entry.SheetNumber}：办公室对任务“{name}”督办。{entry.Message} 请于 {Ui.Date(entry.ReplyDueBy)} 前反馈办理情况。"
                : $"办公室对任务“{name}”催办：{entry.Message}",
        }, robots: supervise && !task.Restricted, now, ct));
        foreach (var relay in relays)
        {
            await relay.RelayAsync(viewer.UnitId, [new RaisedStep(taskId, step, entry.SheetNumber, name, entry.Message)], ct);
        }

        tasks.AddHistory(task, viewer, step.EventKind(), $"{entry.SheetNumber ?? step.Chinese()}（办公室发起）：{entry.Message}");
        RecordChain.Append(db, viewer.UnitId, supervise ? "manual-supervise" : "manual-urge", entry, viewer.PersonId, now);
        return await SaveOnce.RunAsync(db, transaction, entry, $"今天已对该任务发出过{step.Chinese()}，请勿重复发出", ct);
    }

    private async Task<string> FactsAsync(WorkTask task, DateOnly today, WorkingCalendar calendar, CancellationToken ct)
    {
        var section = await db.Sections.Where(s => s.Id == task.LeadSectionId).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "未指定";
        var responsible = task.ResponsiblePersonId is { } r ? await db.People.Where(p => p.Id == r).Select(p => p.Name).FirstOrDefaultAsync(ct) : null;
        var late = today > task.DueDate ? $"已超过 {calendar.CountWorkingDays(task.DueDate.AddDays(1), today)} 个工作日" : "尚未到期";
        return $"办结时限 {FormalDate.Of(task.DueDate)}，{late}；牵头科室 {section}，责任人 {responsible ?? "未指定"}；当前进度 {task.ProgressPercent}%。";
    }
}

internal static class TaskNames
{
    /// <summary>一、建设… keeps its own punctuation; a bare 4 gets a space: 4 建设….</summary>
    public static string Of(WorkTask task) => task.Number switch
    {
        null => task.Title,
        var n when n.Length > 0 && char.IsAsciiDigit(n[^1]) => $"{n} {task.Title}",
        var n => n + task.Title,
    };
}
