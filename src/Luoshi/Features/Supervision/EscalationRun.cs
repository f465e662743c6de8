using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Notices;
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
/// raised: written to the task's history, to the inboxes and to the outbox together. The tasks are
/// read a page at a time (<see cref="EscalationPages"/>) and each page's steps committed on their own,
/// under the unit's lock, so a backlog of any size holds the lock for one page at a time.
/// Repeating the run, or running it on two instances at once, raises nothing twice: each batch reads
/// what was raised under the unit's lock and each step has a unique key. A run that would issue more 督办单 than the
/// set threshold holds them for the office (<see cref="HeldSheet"/>).
/// </summary>
internal sealed class EscalationRun(LuoshiDb db, WorkingCalendars calendars, NoticeOutbox outbox, BureauClock clock, IOptions<SupervisionOptions> options, IEnumerable<IStepRelay> relays)
{
    private sealed record Due(EscalationCandidate Task, EscalationPolicy Policy, DeadlineKind Deadline, DateOnly DueOn, StepKind Step, bool Late);

    /// <summary>Told of each batch as it is committed (a test stops a run there; the bench times the batches).</summary>
    public Action<RunBatch>? AfterBatch { get; set; }

    public async Task<EscalationSummary> RunAsync(int unitId, CancellationToken ct = default)
    {
        var today = clock.Today;
        var now = clock.UtcNow;
        var settings = options.Value;
        var calendar = await calendars.ForUnitAsync(db, unitId, ct);
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
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await UnitLock.TakeAsync(db, unitId, "escalation", ct);
            await StampAsync(unitId, today, now, ct);
            await transaction.CommitAsync(ct);
            return new EscalationSummary(0, 0, 0, 0, 0);
        }

        var horizon = calendar.AddWorkingDays(today, policies.Values.Max(p => p.RemindDaysBefore) + 1);
        var pages = await EscalationPages.ForUnitAsync(db, unitId, [.. policies.Keys], horizon, ct);
        // One below the largest int: a page reads one task more than its room to see whether a section fits.
        var size = Math.Clamp(settings.RunBatchSize, 1, int.MaxValue - 1);
        var hold = await HoldAsync(pages, unitId, today, lastRun, policies, calendar, size, settings.MassSupervisionThreshold, ct);
        var people = await EscalationDirectory.LoadAsync(db, unitId, ct);
        var routes = await outbox.RoutesAsync(unitId, ct);
        var totals = new RunTotals();
        var (start, number, tasks, skipped, wrote) = (new PageStart(0, 0), 0, 0, 0, false);
        while (true)
        {
            if (number > 0)
            {
                // Between batches the unit is free: requests (a report, a decision) take their turn. A batch that
                // wrote nothing (a quiet day's page) has kept nobody waiting, so the next one follows at once.
                ct.ThrowIfCancellationRequested();
                if (wrote)
                {
                    await Task.Delay(settings.RunBatchPause, ct);
                }
            }

            var locked = System.Diagnostics.Stopwatch.StartNew();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await UnitLock.TakeAsync(db, unitId, "escalation", ct);
            // Read under the lock: what another instance raised before this batch is not raised twice.
            var page = await pages.ReadAsync(start, size, ct);
            var (due, skippedHere) = DueOf(page.Tasks, await pages.FactsAsync(page.Tasks, today, ct), today, lastRun, policies, calendar);

            // The group robots hear once per run, with the whole run's count, when its last batch commits.
            var writer = new StepWriter(unitId, today, now, calendar, people, page.Last ? routes : routes with { Groups = [] }, settings.ReplyWithinDays,
                await SheetNumbers.NextAsync(db, unitId, today.Year, ct), settings.DigestNotices);
            writer.Notices.Earlier = totals.Steps;
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

            if (page.Last)
            {
                await StampAsync(unitId, today, now, ct);
            }

            await db.SaveChangesAsync(ct);
            await writer.SaveRelayAndCommitAsync(db, relays, transaction, ct);
            totals.Add(due, hold, writer);
            (tasks, skipped, wrote) = (tasks + page.Tasks.Count, skipped + skippedHere, due.Count > 0);
            AfterBatch?.Invoke(new RunBatch(++number, page.Tasks.Count, due.Count, locked.Elapsed));
            if (page.Last)
            {
                break;
            }

            start = page.Next;
        }

        return new EscalationSummary(tasks, totals.Reminders, totals.Urges, totals.Supervisions, totals.Notices,
            totals.Late, skipped, totals.Held, totals.Digests);
    }

    /// <summary>
    /// Whether the run holds its 督办单 for the office: a first day or a loaded history would number more than
    /// the threshold at once, and a run taken up again after it stopped between batches keeps holding what its
    /// first part held. Counted over the same pages before the first batch, outside the lock (reads only), and
    /// only as far as the answer is known.
    /// </summary>
    private async Task<bool> HoldAsync(EscalationPages pages, int unitId, DateOnly today, DateOnly? lastRun, Dictionary<int, EscalationPolicy> policies,
        WorkingCalendar calendar, int size, int threshold, CancellationToken ct)
    {
        var heldToday = lastRun != today && await db.HeldSheets.AnyAsync(h => h.UnitId == unitId && h.HeldOn == today && h.DeferredUntil == null, ct);
        var limit = heldToday ? 0 : threshold;
        var (start, sheets) = (new PageStart(0, 0), 0);
        while (true)
        {
            var page = await pages.ReadAsync(start, size, ct);
            var (due, _) = DueOf(page.Tasks, await pages.FactsAsync(page.Tasks, today, ct), today, lastRun, policies, calendar);
            sheets += due.Count(d => d.Step == StepKind.Supervise);
            if (sheets > limit)
            {
                return true;
            }

            if (page.Last)
            {
                return false;
            }

            start = page.Next;
        }
    }

    /// <summary>For each deadline of the page's tasks, the furthest step due today and not yet raised; and how many
    /// earlier steps of the same deadlines are passed over because a later one is due.</summary>
    private static (List<Due> Due, int Skipped) DueOf(List<EscalationCandidate> tasks, PageFacts facts, DateOnly today, DateOnly? lastRun,
        Dictionary<int, EscalationPolicy> policies, WorkingCalendar calendar)
    {
        var due = new List<Due>();
        var skipped = 0;
        foreach (var task in tasks)
        {
            var policy = policies[task.PlanId];
            foreach (var (deadline, dueOn) in Deadlines(task, facts.Claimed.Contains(task.Id), facts.Returning.Contains(task.Id), calendar))
            {
                var key = (task.Id, deadline, dueOn);
                var had = facts.Raised.TryGetValue(key, out var h) ? h : (StepKind?)null;
                var steps = EscalationRules.Due(dueOn, today, policy, calendar).ToList();
                if (EscalationRules.Furthest(steps, had) is not { } step)
                {
                    continue;
                }

                facts.Raised[key] = step;
                skipped += steps.Count(s => s < step && (had is null || s > had));
                var firstDue = EscalationRules.FirstDue(step, dueOn, policy, calendar);
                due.Add(new Due(task, policy, deadline, dueOn, step, lastRun is { } last && firstDue > last && firstDue < today));
            }
        }

        return (due, skipped);
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
