using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Requests;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Supervision;

internal sealed record EscalationSummary(int Tasks, int Reminders, int Urges, int Supervisions, int Notices);

/// <summary>
/// The daily run of the cycle for one unit: for every open task, each deadline (the task's due
/// date, its next milestone, its report, its sign-off) is held against today and the plan's policy,
/// and every step that is due and not yet raised is raised: written to the task's history, to the
/// inboxes and to the outbox, all in one transaction. Repeating the run, or running it on two
/// instances at once, raises nothing twice: the unit is locked for the run and each step has a
/// unique key.
/// </summary>
internal sealed class EscalationRun(LuoshiDb db, WorkingCalendars calendars, NoticeOutbox outbox, BureauClock clock, Microsoft.Extensions.Options.IOptions<SupervisionOptions> options)
{
    private sealed record Candidate(
        int Id, int PlanId, string? Number, string Title, int LeadSectionId, int? LeadLeaderId, int? ResponsiblePersonId,
        DateOnly DueBy, DateOnly? NextMilestoneDueBy, DateOnly? ReportMissingFrom, DateOnly? SignDueBy, int ProgressPercent);

    public async Task<EscalationSummary> RunAsync(int unitId, CancellationToken ct = default)
    {
        var today = clock.Today;
        var now = clock.UtcNow;
        var calendar = await calendars.ForUnitAsync(db, unitId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await UnitLock.TakeAsync(db, unitId, "escalation", ct);

        var policies = await db.Plans.AsNoTracking()
            .Where(p => p.UnitId == unitId && !p.IsArchived)
            .ToDictionaryAsync(p => p.Id, p => new EscalationPolicy(p.RemindDaysBefore, p.SuperviseAfterDays), ct);
        if (policies.Count == 0)
        {
            return new EscalationSummary(0, 0, 0, 0, 0);
        }

        // Nothing is reminded earlier than the longest reminder window, so later deadlines need not be read.
        var horizon = calendar.AddWorkingDays(today, policies.Values.Max(p => p.RemindDaysBefore) + 1);
        var reportHorizon = horizon.AddDays(1);
        var candidates = await db.Tasks.AsNoTracking()
            .Where(t => t.UnitId == unitId && t.CompletedOn == null && policies.Keys.Contains(t.PlanId))
            .Where(t => t.DueBy <= horizon || t.NextMilestoneDueBy <= horizon || t.ReportMissingFrom <= reportHorizon
                || (t.SignedAt == null && t.SignDueBy <= horizon))
            .Select(t => new Candidate(t.Id, t.PlanId, t.Number, t.Title, t.LeadSectionId, t.LeadLeaderId, t.ResponsiblePersonId,
                t.DueBy, t.NextMilestoneDueBy, t.ReportMissingFrom, t.SignedAt == null ? t.SignDueBy : null, t.ProgressPercent))
            .ToListAsync(ct);

        // A completion claim waiting for the office is the section's part done: its due date is not chased.
        var claimed = (await db.CompletionRequests.Where(r => r.UnitId == unitId && r.Status == RequestStatus.Pending)
            .Select(r => r.TaskId).ToListAsync(ct)).ToHashSet();
        // A task its section has returned (退办) waits for the office's decision: its 签收 is not chased meanwhile.
        var returning = (await db.TaskReturns.Where(r => r.UnitId == unitId && r.Status == Assignment.TaskReturnStatus.Pending)
            .Select(r => r.TaskId).ToListAsync(ct)).ToHashSet();
        var raised = (await db.EscalationSteps
            .Where(s => s.UnitId == unitId && s.DueOn >= today.AddYears(-2))
            .Join(db.Tasks.Where(t => t.CompletedOn == null), s => s.TaskId, t => t.Id, (s, t) => new { s.TaskId, s.Deadline, s.DueOn, s.Step })
            .ToListAsync(ct))
            .Select(s => (s.TaskId, s.Deadline, s.DueOn, s.Step)).ToHashSet();

        var people = new Directory(
            await db.People.AsNoTracking().Where(p => p.UnitId == unitId && p.IsActive).ToListAsync(ct),
            await db.LeaderCharges.AsNoTracking().Where(c => c.UnitId == unitId).ToListAsync(ct),
            await db.Sections.AsNoTracking().Where(s => s.UnitId == unitId).ToDictionaryAsync(s => s.Id, s => s.Name, ct));
        var routes = await outbox.RoutesAsync(unitId, ct);
        var nextSheet = (await db.EscalationSteps.Where(s => s.UnitId == unitId && s.Year == today.Year).MaxAsync(s => s.Sequence, ct) ?? 0) + 1;

        var batch = new StepBatch();
        int reminders = 0, urges = 0, supervisions = 0, notices = 0;
        foreach (var task in candidates)
        {
            var policy = policies[task.PlanId];
            foreach (var (deadline, dueOn) in Deadlines(task, claimed.Contains(task.Id), returning.Contains(task.Id), calendar))
            {
                foreach (var step in EscalationRules.Due(dueOn, today, policy, calendar))
                {
                    if (!raised.Add((task.Id, deadline, dueOn, step)))
                    {
                        continue;
                    }

                    var entry = new EscalationStep
                    {
                        UnitId = unitId, TaskId = task.Id, Deadline = deadline, DueOn = dueOn, Step = step,
                        RaisedOn = today, RaisedAt = now,
                        Year = step == StepKind.Supervise ? today.Year : null,
                        Sequence = step == StepKind.Supervise ? nextSheet++ : null,
                        ReplyDueBy = step == StepKind.Supervise ? calendar.AddWorkingDays(calendar.OnOrAfter(today), options.Value.ReplyWithinDays) : null,
                        Facts = Facts(task, deadline, dueOn, today, calendar, people),
                    };
                    batch.Steps.Add(entry);
                    var recipients = Recipients(task, step, deadline, people);
                    var title = $"【{step.Chinese()}{(deadline == DeadlineKind.Task ? "" : "·" + deadline.Chinese())}】{TaskName(task)}";
                    var body = Body(task, entry, calendar, policy);
                    var sent = NoticeOutbox.Add(batch.Notices, routes, recipients, new Notice
                    {
                        UnitId = unitId, Kind = step.NoticeKind(), TaskId = task.Id, Title = title, Body = body,
                    }, now);
                    entry.Notices.AddRange(sent);
                    notices += sent.Count;
                    batch.Events.Add(new TaskEvent
                    {
                        UnitId = unitId, TaskId = task.Id, At = now, Kind = step.EventKind(),
                        Summary = $"{entry.SheetNumber ?? step.Chinese()}（{deadline.Chinese()}，时限 {Ui.Date(dueOn)}）：通知 {string.Join("、", recipients.Select(p => p.Name).Distinct())}",
                    });
                    _ = step switch { StepKind.Remind => reminders++, StepKind.Urge => urges++, _ => supervisions++ };
                }
            }
        }

        await batch.SaveAsync(db, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new EscalationSummary(candidates.Count, reminders, urges, supervisions, notices);
    }

    /// <summary>The deadlines a task has open today; the report deadline is the last day of the
    /// report's on-time window.</summary>
    private static IEnumerable<(DeadlineKind, DateOnly)> Deadlines(Candidate task, bool completionClaimed, bool returned, WorkingCalendar calendar)
    {
        if (task.SignDueBy is { } sign && !returned)
        {
            yield return (DeadlineKind.Sign, sign);
        }

        if (!completionClaimed)
        {
            yield return (DeadlineKind.Task, task.DueBy);
            if (task.NextMilestoneDueBy is { } milestone)
            {
                yield return (DeadlineKind.Milestone, milestone);
            }
        }

        if (task.ReportMissingFrom is { } missing)
        {
            yield return (DeadlineKind.Report, calendar.OnOrBefore(missing.AddDays(-1)));
        }
    }

    private static List<Person> Recipients(Candidate task, StepKind step, DeadlineKind deadline, Directory people)
    {
        var responsible = task.ResponsiblePersonId is { } r && people.ById.TryGetValue(r, out var p) ? [p] : new List<Person>();
        var heads = people.HeadsOf(task.LeadSectionId);
        return step switch
        {
            StepKind.Remind when deadline == DeadlineKind.Sign || responsible.Count == 0 => [.. responsible, .. heads],
            StepKind.Remind => responsible,
            StepKind.Urge => [.. responsible, .. heads],
            _ => [.. people.LeadersOf(task.LeadLeaderId, task.LeadSectionId), .. people.Office],
        };
    }

    /// <summary>一、建设… keeps its own punctuation; a bare 4 gets a space: 4 建设….</summary>
    private static string TaskName(Candidate task) => task.Number switch
    {
        null => task.Title,
        var n when char.IsAsciiDigit(n[^1]) => $"{n} {task.Title}",
        var n => n + task.Title,
    };

    private static string Body(Candidate task, EscalationStep entry, WorkingCalendar calendar, EscalationPolicy policy)
    {
        var what = entry.Deadline switch
        {
            DeadlineKind.Sign => "签收",
            DeadlineKind.Report => "报送本期进展",
            DeadlineKind.Milestone => "完成时间节点",
            _ => "办结",
        };
        return entry.Step switch
        {
            StepKind.Remind => $"任务“{TaskName(task)}”应于 {Ui.Date(entry.DueOn)} 前{what}，请提前安排。",
            StepKind.Urge => $"任务“{TaskName(task)}”应于 {Ui.Date(entry.DueOn)} 前{what}，至今未{what}。请抓紧办理，{Ui.Date(EscalationRules.SuperviseFrom(entry.DueOn, policy, calendar))} 前仍未{what}的，将发督办单。",
            _ => $"{entry.SheetNumber}：任务“{TaskName(task)}”应于 {Ui.Date(entry.DueOn)} 前{what}，经催办仍未{what}，特此督办。{entry.Facts}",
        };
    }

    private static string Facts(Candidate task, DeadlineKind deadline, DateOnly dueOn, DateOnly today, WorkingCalendar calendar, Directory people)
    {
        var late = today > dueOn ? calendar.CountWorkingDays(dueOn.AddDays(1), today) : 0;
        var leader = task.LeadLeaderId is { } l && people.ById.TryGetValue(l, out var lp) ? lp.Name : "未指定";
        var responsible = task.ResponsiblePersonId is { } r && people.ById.TryGetValue(r, out var rp) ? rp.Name : "未指定";
        var section = people.SectionName(task.LeadSectionId);
        return $"{deadline.Chinese()}时限 {FormalDate.Of(dueOn)}，已超过 {late} 个工作日；牵头领导 {leader}，牵头科室 {section}，责任人 {responsible}；当前进度 {task.ProgressPercent}%。";
    }

    /// <summary>The unit's people, looked up in memory during the run.</summary>
    private sealed class Directory(List<Person> people, List<LeaderCharge> charges, Dictionary<int, string> sections)
    {
        private readonly ILookup<int?, Person> _bySection = people.ToLookup(p => p.SectionId);

        public Dictionary<int, Person> ById { get; } = people.ToDictionary(p => p.Id);

        public List<Person> Office { get; } = people.Where(p => p.Role == Role.Admin).ToList();

        public IEnumerable<Person> HeadsOf(int sectionId) => _bySection[sectionId].Where(p => p.Role == Role.SectionHead);

        /// <summary>The task's lead leader, or else the leaders in charge of its lead section.</summary>
        public IEnumerable<Person> LeadersOf(int? leaderId, int sectionId) =>
            leaderId is { } id && ById.TryGetValue(id, out var leader)
                ? [leader]
                : charges.Where(c => c.SectionId == sectionId).Select(c => ById.GetValueOrDefault(c.LeaderId)).OfType<Person>();

        public string SectionName(int sectionId) => sections.GetValueOrDefault(sectionId) ?? "未指定";
    }
}
