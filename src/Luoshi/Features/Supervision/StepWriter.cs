using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;

namespace Luoshi.Features.Supervision;

/// <summary>
/// Writes the steps of one run (or of the office's confirmation of held 督办单): each step, its
/// history line and its notices, which <see cref="RunNotices"/> groups per person and kind. The
/// 督办单 are numbered from <paramref name="nextSheet"/>, under the caller's unit lock.
/// </summary>
internal sealed class StepWriter(int unitId, DateOnly today, DateTime now, WorkingCalendar calendar, EscalationDirectory people,
    NoticeRoutes routes, int replyWithinDays, int nextSheet, bool digest = true)
{
    private readonly StepBatch _batch = new();
    private readonly List<HeldSheet> _held = [];

    public RunNotices Notices { get; } = new(unitId, routes, now, digest);

    /// <summary>The 催办 and 督办 raised, for the relays (<see cref="IStepRelay"/>).</summary>
    public List<RaisedStep> Raised { get; } = [];

    public int Steps => _batch.Steps.Count;

    public int Held => _held.Count;

    public EscalationStep Raise(EscalationCandidate task, DeadlineKind deadline, DateOnly dueOn, StepKind step, EscalationPolicy policy, bool late, string? facts = null)
    {
        var entry = new EscalationStep
        {
            UnitId = unitId, TaskId = task.Id, Deadline = deadline, DueOn = dueOn, Step = step,
            RaisedOn = today, RaisedAt = now,
            Year = step == StepKind.Supervise ? today.Year : null,
            Sequence = step == StepKind.Supervise ? nextSheet++ : null,
            ReplyDueBy = step == StepKind.Supervise ? calendar.AddWorkingDays(calendar.OnOrAfter(today), replyWithinDays) : null,
            Facts = facts ?? Facts(task, deadline, dueOn),
        };
        _batch.Steps.Add(entry);
        var recipients = Recipients(task, step, deadline);
        var title = $"【{step.Chinese()}{(deadline == DeadlineKind.Task ? "" : "·" + deadline.Chinese())}】{task.Name}";
        var line = $"{entry.SheetNumber ?? task.Name}{(entry.SheetNumber is null ? "" : " " + task.Name)}（{deadline.Chinese()}时限 {Ui.Date(dueOn)}{(late ? "，补发" : "")}）";
        var body = Body(task, entry, policy);
        Notices.Add(recipients, step.NoticeKind(), task.Id, entry, title, body, line, GraceNote(entry, policy), quiet: task.Restricted);
        if (step != StepKind.Remind)
        {
            Raised.Add(new RaisedStep(task.Id, step, entry.SheetNumber, task.Name, body));
        }

        _batch.Events.Add(new TaskEvent
        {
            UnitId = unitId, TaskId = task.Id, At = now, Kind = step.EventKind(),
            Summary = $"{(late ? "补发 " : "")}{entry.SheetNumber ?? step.Chinese()}（{deadline.Chinese()}，时限 {Ui.Date(dueOn)}）：通知 {string.Join("、", recipients.Select(p => p.Name).Distinct())}",
        });
        return entry;
    }

    /// <summary>A 督办 recorded without a number or notices, for the office to confirm.</summary>
    public void Hold(EscalationCandidate task, DeadlineKind deadline, DateOnly dueOn, int threshold)
    {
        _held.Add(new HeldSheet
        {
            UnitId = unitId, TaskId = task.Id, Deadline = deadline, DueOn = dueOn, HeldOn = today, HeldAt = now,
            Facts = Facts(task, deadline, dueOn),
        });
        _batch.Events.Add(new TaskEvent
        {
            UnitId = unitId, TaskId = task.Id, At = now, Kind = "supervise-held",
            Summary = $"督办（{deadline.Chinese()}，时限 {Ui.Date(dueOn)}）暂缓发出：本次督办单超过 {threshold} 份，待办公室确认",
        });
    }

    public async Task SaveAsync(LuoshiDb db, CancellationToken ct)
    {
        Notices.WriteTo(_batch.Notices, people.Office, _held.Count);
        await _batch.SaveAsync(db, ct);
        await Notices.SaveLinksAsync(db, ct);
        await HeldSheetCopy.SaveAsync(db, _held, ct);
    }

    /// <summary>The end of a run's batch or of a confirmation of held 督办单: the steps saved, each relayed to
    /// where it also belongs (a 督办 on a 交办 reaches its lead unit), all committed together.</summary>
    public async Task SaveRelayAndCommitAsync(LuoshiDb db, IEnumerable<IStepRelay> relays, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken ct)
    {
        await SaveAsync(db, ct);
        foreach (var relay in relays)
        {
            await relay.RelayAsync(unitId, Raised, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private List<Person> Recipients(EscalationCandidate task, StepKind step, DeadlineKind deadline)
    {
        var responsible = task.ResponsiblePersonId is { } r && people.ById.TryGetValue(r, out var p) ? [p] : new List<Person>();
        var heads = people.HeadsOf(task.LeadSectionId);
        return step switch
        {
            StepKind.Remind when deadline == DeadlineKind.Sign || responsible.Count == 0 => [.. responsible, .. heads],
            StepKind.Remind => responsible,
            StepKind.Urge => [.. responsible, .. heads],
            // A restricted item (知悉范围) is told only to people who may read it: its lead leader, not the
            // leaders in charge of the section nor the rest of the office.
            _ when task.Restricted => [.. responsible, .. heads, .. people.LeaderNamed(task.LeadLeaderId)],
            _ => [.. people.LeadersOf(task.LeadLeaderId, task.LeadSectionId), .. people.Office],
        };
    }

    private string Body(EscalationCandidate task, EscalationStep entry, EscalationPolicy policy)
    {
        var what = entry.Deadline switch
        {
            DeadlineKind.Sign => "签收",
            DeadlineKind.Report => "报送本期进展",
            DeadlineKind.Milestone => "完成时间节点",
            _ => "办结",
        };
        var started = entry.DueOn < policy.SupervisedFrom;
        return entry.Step switch
        {
            StepKind.Remind when started => $"任务“{task.Name}”应于 {Ui.Date(entry.DueOn)} 前{what}。{GraceNote(entry, policy)}",
            StepKind.Remind => $"任务“{task.Name}”应于 {Ui.Date(entry.DueOn)} 前{what}，请提前安排。",
            StepKind.Urge => $"任务“{task.Name}”应于 {Ui.Date(entry.DueOn)} 前{what}，至今未{what}。请抓紧办理，{Ui.Date(SuperviseFrom(entry.DueOn, policy))} 前仍未{what}的，将发督办单。",
            _ => $"{entry.SheetNumber}：任务“{task.Name}”应于 {Ui.Date(entry.DueOn)} 前{what}，经催办仍未{what}，特此督办。{entry.Facts}",
        };
    }

    /// <summary>What a reminder of a deadline that had passed before the plan's start asks for, and by when
    /// (said once in a digest of such reminders).</summary>
    private string? GraceNote(EscalationStep entry, EscalationPolicy policy) =>
        entry.Step == StepKind.Remind && entry.DueOn < policy.SupervisedFrom
            ? $"本计划自 {Ui.Date(policy.SupervisedFrom)} 起纳入督办，请于 {Ui.Date(calendar.OnOrBefore(EscalationRules.GraceEnd(policy, calendar).AddDays(-1)))} 前报送进展或申请延期，逾期将催办。"
            : null;

    /// <summary>A deadline from before the plan's start is supervised counting from the end of its grace.</summary>
    private DateOnly SuperviseFrom(DateOnly dueOn, EscalationPolicy policy) =>
        EscalationRules.SuperviseFrom(dueOn < policy.SupervisedFrom ? EscalationRules.GraceEnd(policy, calendar) : dueOn, policy, calendar);

    private string Facts(EscalationCandidate task, DeadlineKind deadline, DateOnly dueOn)
    {
        var late = today > dueOn ? calendar.CountWorkingDays(dueOn.AddDays(1), today) : 0;
        var leader = task.LeadLeaderId is { } l && people.ById.TryGetValue(l, out var lp) ? lp.Name : "未指定";
        var responsible = task.ResponsiblePersonId is { } r && people.ById.TryGetValue(r, out var rp) ? rp.Name : "未指定";
        var section = people.SectionName(task.LeadSectionId);
        return $"{deadline.Chinese()}时限 {FormalDate.Of(dueOn)}，已超过 {late} 个工作日；牵头领导 {leader}，牵头科室 {section}，责任人 {responsible}；当前进度 {task.ProgressPercent}%。";
    }
}
