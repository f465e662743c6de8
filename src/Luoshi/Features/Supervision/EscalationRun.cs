using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Notices;
using Luoshi.Features.Requests;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Supervision;

/// <summary>What a run raised. <paramref name="CaughtUp"/>: steps raised late because the run did not
/// run on the day they fell due (补发); <paramref name="Skipped"/>: earlier steps of the same deadlines
/// not raised because a later one was due; <paramref name="Held"/>: 督办单 waiting for the office.</summary>
internal sealed record EscalationSummary(int Tasks, int Reminders, int Urges, int Supervisions, int Notices,
    int CaughtUp = 0, int Skipped = 0, int Held = 0, int Digests = 0);

/// <summary>
/// The daily run of the cycle for one unit: for every open task, each deadline (the task's due
/// date, its next milestone, its report, its sign-off) is held against today, the plan's policy and
/// the day the plan came under supervision, and the furthest step that is due and not yet raised is
/// raised: written to the task's history, to the inboxes and to the outbox, all in one transaction.
/// Repeating the run, or running it on two instances at once, raises nothing twice: the unit is
/// locked for the run and each step has a unique key. A run that would issue more 督办单 than the
/// set threshold holds them for the office (<see cref="HeldSheet"/>).
/// </summary>
internal sealed class EscalationRun(LuoshiDb db, WorkingCalendars calendars, NoticeOutbox outbox, BureauClock clock, IOptions<SupervisionOptions> options, IEnumerable<IStepRelay> relays)
{
    private sealed record Due(EscalationCandidate Task, EscalationPolicy Policy, DeadlineKind Deadline, DateOnly DueOn, StepKind Step, bool Late);

    public async Task<EscalationSummary> RunAsync(int unitId, CancellationToken ct = default)
    {
        var today = clock.Today;
        var now = clock.UtcNow;
        var settings = options.Value;
        var calendar = await calendars.ForUnitAsync(db, unitId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await UnitLock.TakeAsync(db, unitId, "escalation", ct);

        var log = await db.EscalationRunLogs.FirstOrDefaultAsync(l => l.UnitId == unitId, ct);
        var lastRun = log?.LastRunOn;
        if (log is null)
        {
            db.EscalationRunLogs.Add(log = new EscalationRunLog { UnitId = unitId });
        }

        log.LastRunOn = today;
        log.LastRunAt = now;
        var policies = (await db.Plans.AsNoTracking()
            .Where(p => p.UnitId == unitId && !p.IsArchived)
            .Select(p => new { p.Id, p.RemindDaysBefore, p.SuperviseAfterDays, p.SupervisedFrom })
            .ToListAsync(ct))
            .ToDictionary(p => p.Id, p => new EscalationPolicy(p.RemindDaysBefore, p.SuperviseAfterDays, p.SupervisedFrom, settings.StartGraceDays));
        if (policies.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new EscalationSummary(0, 0, 0, 0, 0);
        }

        // Nothing is reminded earlier than the longest reminder window, so later deadlines need not be read.
        var horizon = calendar.AddWorkingDays(today, policies.Values.Max(p => p.RemindDaysBefore) + 1);
        var reportHorizon = horizon.AddDays(1);
        var candidates = await EscalationCandidate.From(db.Tasks.AsNoTracking()
            .Where(t => t.UnitId == unitId && t.CompletedOn == null && policies.Keys.Contains(t.PlanId))
            .Where(t => t.DueBy <= horizon || t.NextMilestoneDueBy <= horizon || t.ReportMissingFrom <= reportHorizon
                || (t.SignedAt == null && t.SignDueBy <= horizon)))
            .ToListAsync(ct);

        // A completion claim waiting for the office is the section's part done: its due date is not chased.
        var claimed = (await db.CompletionRequests.Where(r => r.UnitId == unitId && r.Status == RequestStatus.Pending)
            .Select(r => r.TaskId).ToListAsync(ct)).ToHashSet();
        // A task its section has returned (退办) waits for the office's decision: its 签收 is not chased meanwhile.
        var returning = (await db.TaskReturns.Where(r => r.UnitId == unitId && r.Status == Assignment.TaskReturnStatus.Pending)
            .Select(r => r.TaskId).ToListAsync(ct)).ToHashSet();
        var raised = await RaisedAsync(unitId, today, ct);

        var due = new List<Due>();
        var skipped = 0;
        foreach (var task in candidates)
        {
            var policy = policies[task.PlanId];
            foreach (var (deadline, dueOn) in Deadlines(task, claimed.Contains(task.Id), returning.Contains(task.Id), calendar))
            {
                var key = (task.Id, deadline, dueOn);
                var had = raised.TryGetValue(key, out var h) ? h : (StepKind?)null;
                var steps = EscalationRules.Due(dueOn, today, policy, calendar).ToList();
                if (EscalationRules.Furthest(steps, had) is not { } step)
                {
                    continue;
                }

                raised[key] = step;
                skipped += steps.Count(s => s < step && (had is null || s > had));
                var firstDue = EscalationRules.FirstDue(step, dueOn, policy, calendar);
                due.Add(new Due(task, policy, deadline, dueOn, step, lastRun is { } last && firstDue > last && firstDue < today));
            }
        }

        // A first day or a loaded history would number hundreds of sheets at once: the office decides.
        var sheets = due.Count(d => d.Step == StepKind.Supervise);
        var hold = sheets > settings.MassSupervisionThreshold;
        var nextSheet = await SheetNumbers.NextAsync(db, unitId, today.Year, ct);
        var writer = new StepWriter(unitId, today, now, calendar, await EscalationDirectory.LoadAsync(db, unitId, ct),
            await outbox.RoutesAsync(unitId, ct), settings.ReplyWithinDays, nextSheet, settings.DigestNotices);
        foreach (var d in due)
        {
            if (hold && d.Step == StepKind.Supervise)
            {
                writer.Hold(d.Task, d.Deadline, d.DueOn, settings.MassSupervisionThreshold);
            }
            else
            {
                writer.Raise(d.Task, d.Deadline, d.DueOn, d.Step, d.Policy, d.Late);
            }
        }

        await db.SaveChangesAsync(ct);
        await writer.SaveAsync(db, ct);
        foreach (var relay in relays)
        {
            await relay.RelayAsync(unitId, writer.Raised, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        var raisedNow = due.Where(d => !hold || d.Step != StepKind.Supervise).ToList();
        return new EscalationSummary(candidates.Count, raisedNow.Count(d => d.Step == StepKind.Remind), raisedNow.Count(d => d.Step == StepKind.Urge),
            raisedNow.Count(d => d.Step == StepKind.Supervise), writer.Notices.Written,
            raisedNow.Count(d => d.Late), skipped, writer.Held, writer.Notices.Digests);
    }

    /// <summary>The furthest step raised (or held) so far for each deadline of the open tasks.</summary>
    private async Task<Dictionary<(int, DeadlineKind, DateOnly), StepKind>> RaisedAsync(int unitId, DateOnly today, CancellationToken ct)
    {
        var steps = await db.EscalationSteps
            .Where(s => s.UnitId == unitId && s.DueOn >= today.AddYears(-2))
            .Join(db.Tasks.Where(t => t.CompletedOn == null), s => s.TaskId, t => t.Id, (s, t) => new { s.TaskId, s.Deadline, s.DueOn, s.Step })
            .ToListAsync(ct);
        var held = await db.HeldSheets.Where(s => s.UnitId == unitId).Select(s => new { s.TaskId, s.Deadline, s.DueOn }).ToListAsync(ct);
        var raised = new Dictionary<(int, DeadlineKind, DateOnly), StepKind>();
        foreach (var s in steps.Select(s => (s.TaskId, s.Deadline, s.DueOn, s.Step)).Concat(held.Select(h => (h.TaskId, h.Deadline, h.DueOn, Step: StepKind.Supervise))))
        {
            var key = (s.TaskId, s.Deadline, s.DueOn);
            if (!raised.TryGetValue(key, out var had) || had < s.Step)
            {
                raised[key] = s.Step;
            }
        }

        return raised;
    }

    /// <summary>The deadlines a task has open today; the report deadline is the last day of the
    /// report's on-time window.</summary>
    private static IEnumerable<(DeadlineKind, DateOnly)> Deadlines(EscalationCandidate task, bool completionClaimed, bool returned, WorkingCalendar calendar)
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
}
