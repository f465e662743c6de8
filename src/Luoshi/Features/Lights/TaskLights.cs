using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Lights;

/// <summary>Keeps stored lights true: one task after each write, every task of a unit once a day
/// and after the calendar or the thresholds change.</summary>
internal sealed class TaskLights(LuoshiDb db, WorkingCalendars calendars, PlanCache plans, BureauClock clock, IOptions<LightOptions> options)
{
    public async Task<LightDay> DayAsync(int unitId, CancellationToken ct = default)
    {
        var calendar = await calendars.ForUnitAsync(db, unitId, ct);
        return DayFor(clock.Today, calendar, options.Value);
    }

    public static LightDay DayFor(DateOnly today, WorkingCalendar calendar, LightOptions options) =>
        new(today, calendar.AddWorkingDays(today, options.MilestoneSoonWorkingDays));

    /// <summary>Recomputes the dated facts and the light of one task whose milestones are loaded.</summary>
    public async Task RecomputeAsync(WorkTask task, CancellationToken ct = default) =>
        await RecomputeAsync(task, await plans.GetAsync(db, task.PlanId, ct), ct);

    public async Task RecomputeAsync(WorkTask task, Plan plan, CancellationToken ct = default)
    {
        var calendar = await calendars.ForUnitAsync(db, task.UnitId, ct);
        SignClock.Track(task, plan, clock.Today, calendar);
        TaskSchedule.Refresh(task, plan, calendar, options.Value);
        LightRules.Apply(task, DayFor(clock.Today, calendar, options.Value));
    }

    /// <summary>Today's lights for every task of the unit, in the database: one UPDATE that touches
    /// only the rows whose light changed.</summary>
    public async Task<int> RefreshUnitAsync(int unitId, CancellationToken ct = default)
    {
        var day = await DayAsync(unitId, ct);
        var light = LightRules.LightFor(day);
        var reason = LightRules.ReasonFor(day);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Tasks
            .Where(t => t.UnitId == unitId)
            .Where(LightRules.Differs(day))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Light, light).SetProperty(t => t.LightReason, reason), ct);
        await LightTally.RecountAsync(db, unitId, ct);
        await transaction.CommitAsync(ct);
        return changed;
    }

    /// <summary>Recomputes the dated facts of every open task of the unit, or of one of its plans
    /// (after a calendar, threshold or reporting change), in batches so memory stays flat, then
    /// refreshes the lights.</summary>
    public async Task RescheduleUnitAsync(int unitId, int? planId = null, CancellationToken ct = default)
    {
        calendars.Invalidate(unitId);
        var calendar = await calendars.ForUnitAsync(db, unitId, ct);
        var plans = await db.Plans.AsNoTracking().Where(p => p.UnitId == unitId).ToDictionaryAsync(p => p.Id, ct);
        var lastId = 0;
        while (true)
        {
            var batch = await db.Tasks.Include(t => t.Milestones)
                .Where(t => t.UnitId == unitId && t.Id > lastId && t.CompletedOn == null && (planId == null || t.PlanId == planId))
                .OrderBy(t => t.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var task in batch)
            {
                TaskSchedule.Refresh(task, plans[task.PlanId], calendar, options.Value);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone saved one of these tasks meanwhile: read the batch again and redo it.
                db.ChangeTracker.Clear();
                continue;
            }

            db.ChangeTracker.Clear();
            lastId = batch[^1].Id;
        }

        await RefreshUnitAsync(unitId, ct);
    }
}
