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

    /// <summary>Told the number of each batch as it is committed (a test stops a run there).</summary>
    public Action<int>? AfterBatch { get; set; }

    public async Task<EscalationSummary> RunAsync(int unitId, CancellationToken ct = default)
    {
        var today = clock.Today;
        var now = clock.UtcNow;
        var settings = options.Value;
        var calendar = await calendars.ForUnitAsync(db, unitId, ct);
        var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await UnitLock.TakeAsync(db, unitId, "escalation", ct);
            // The day of the last run that finished: a run stopped between its batches has not finished, so
            // running again finds the same gap behind it and marks the same steps 补发.
            var lastRun = await db.EscalationRunLogs.Where(l => l.UnitId == unitId).Select(l => (DateOnly?)l.LastRunOn).FirstOrDefaultAsync(ct);
            var policies = (await db.Plans.AsNoTracking()
                .Where(p => p.UnitId == unitId && !p.IsArchived)
                .Select(p => new { p.Id, p.RemindDaysBefore, p.SuperviseAfterDays, p.SupervisedFrom })
                .ToListAsync(ct))
                .ToDictionary(p => p.Id, p => new EscalationPolicy(p.RemindDaysBefore, p.SuperviseAfterDays, p.SupervisedFrom, settings.StartGraceDays));
            if (policies.Count == 0)
            {
                await StampAsync(unitId, today, now, ct);
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

            // A first day or a loaded history would number hundreds of sheets at once: the office decides. A run
            // taken up again after it stopped between batches keeps holding what its first part held.
            var sheets = due.Count(d => d.Step == StepKind.Supervise);
            var hold = sheets > settings.MassSupervisionThreshold
                || (sheets > 0 && lastRun != today && await db.HeldSheets.AnyAsync(h => h.UnitId == unitId && h.HeldOn == today && h.DeferredUntil == null, ct));
            var people = await EscalationDirectory.LoadAsync(db, unitId, ct);
            var routes = await outbox.RoutesAsync(unitId, ct);
            var batches = Batches(due, settings.RunBatchSize);
            var totals = new RunTotals();
            for (var i = 0; i < batches.Count; i++)
            {
                var batch = batches[i];
                var finished = i == batches.Count - 1;
                if (i > 0)
                {
                    // Between batches the unit is free: requests (a report, a decision) take their turn, and
                    // what another instance raised meanwhile is not raised twice.
                    ct.ThrowIfCancellationRequested();
                    await Task.Delay(settings.RunBatchPause, ct);
                    transaction = await db.Database.BeginTransactionAsync(ct);
                    await UnitLock.TakeAsync(db, unitId, "escalation", ct);
                    batch = await StillDueAsync(unitId, batch, ct);
                }

                // The group robots hear once per run, with the whole run's count, when its last batch commits.
                var writer = new StepWriter(unitId, today, now, calendar, people, finished ? routes : routes with { Groups = [] }, settings.ReplyWithinDays,
                    await SheetNumbers.NextAsync(db, unitId, today.Year, ct), settings.DigestNotices);
                writer.Notices.Earlier = totals.Steps;
                foreach (var d in batch)
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

                if (finished)
                {
                    await StampAsync(unitId, today, now, ct);
                }

                await db.SaveChangesAsync(ct);
                await writer.SaveAsync(db, ct);
                foreach (var relay in relays)
                {
                    await relay.RelayAsync(unitId, writer.Raised, ct);
                }

                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                await transaction.DisposeAsync();
                db.ChangeTracker.Clear();
                totals.Add(batch, hold, writer);
                AfterBatch?.Invoke(i + 1);
            }

            return new EscalationSummary(candidates.Count, totals.Reminders, totals.Urges, totals.Supervisions, totals.Notices,
                totals.Late, skipped, totals.Held, totals.Digests);
        }
        finally
        {
            await transaction.DisposeAsync();
        }
    }

    /// <summary>The run finished for today: written with its last batch.</summary>
    private async Task StampAsync(int unitId, DateOnly today, DateTime now, CancellationToken ct)
    {
        var log = await db.EscalationRunLogs.FirstOrDefaultAsync(l => l.UnitId == unitId, ct);
        if (log is null)
        {
            db.EscalationRunLogs.Add(log = new EscalationRunLog { UnitId = unitId });
        }

        log.LastRunOn = today;
        log.LastRunAt = now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Batches of about <paramref name="size"/> steps, a lead section's tasks never split between two,
    /// so that a person hears of a section's steps in one notice per kind.</summary>
    private static List<List<Due>> Batches(List<Due> due, int size)
    {
        if (due.Count <= size)
        {
            return [due];
        }

        var batches = new List<List<Due>> { new() };
        foreach (var section in due.GroupBy(d => d.Task.LeadSectionId).OrderBy(g => g.Key))
        {
            if (batches[^1].Count > 0 && batches[^1].Count + section.Count() > size)
            {
                batches.Add([]);
            }

            batches[^1].AddRange(section);
        }

        return batches;
    }

    /// <summary>The steps of a batch not raised since the run read them (by another instance, between batches).</summary>
    private async Task<List<Due>> StillDueAsync(int unitId, List<Due> batch, CancellationToken ct)
    {
        var ids = batch.Select(d => d.Task.Id).Distinct().ToList();
        var steps = await db.EscalationSteps.Where(s => s.UnitId == unitId && ids.Contains(s.TaskId)).Select(s => new { s.TaskId, s.Deadline, s.DueOn, s.Step }).ToListAsync(ct);
        var held = await db.HeldSheets.Where(s => s.UnitId == unitId && ids.Contains(s.TaskId)).Select(s => new { s.TaskId, s.Deadline, s.DueOn }).ToListAsync(ct);
        var had = steps.Select(s => (s.TaskId, s.Deadline, s.DueOn, s.Step)).Concat(held.Select(h => (h.TaskId, h.Deadline, h.DueOn, Step: StepKind.Supervise)))
            .GroupBy(s => (s.TaskId, s.Deadline, s.DueOn)).ToDictionary(g => g.Key, g => g.Max(s => s.Step));
        return [.. batch.Where(d => !had.TryGetValue((d.Task.Id, d.Deadline, d.DueOn), out var step) || step < d.Step)];
    }

    /// <summary>What the batches of one run raised, for its summary and the robots' message.</summary>
    private sealed class RunTotals
    {
        public int Reminders { get; private set; }
        public int Urges { get; private set; }
        public int Supervisions { get; private set; }
        public int Late { get; private set; }
        public int Notices { get; private set; }
        public int Digests { get; private set; }
        public int Held { get; private set; }

        public (int Urges, int Sheets, int Held) Steps => (Urges, Supervisions, Held);

        public void Add(List<Due> batch, bool hold, StepWriter writer)
        {
            var raised = batch.Where(d => !hold || d.Step != StepKind.Supervise).ToList();
            Reminders += raised.Count(d => d.Step == StepKind.Remind);
            Urges += raised.Count(d => d.Step == StepKind.Urge);
            Supervisions += raised.Count(d => d.Step == StepKind.Supervise);
            Late += raised.Count(d => d.Late);
            Notices += writer.Notices.Written;
            Digests += writer.Notices.Digests;
            Held += writer.Held;
        }
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
