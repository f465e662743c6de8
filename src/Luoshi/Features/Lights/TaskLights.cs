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

    /// <summary>Recomputes the dated facts and the light of one task whose milestones are loaded, then
    /// of the tasks above it, which roll its parts up (<see cref="PartsRollUp"/>).</summary>
    public async Task RecomputeAsync(WorkTask task, CancellationToken ct = default) =>
        await RecomputeAsync(task, await plans.GetAsync(db, task.PlanId, ct), ct);

    public async Task RecomputeAsync(WorkTask task, Plan plan, CancellationToken ct = default)
    {
        await RecomputeOneAsync(task, plan, ct);
        var seen = new HashSet<int> { task.Id };
        foreach (var parentId in ParentsOf(task))
        {
            await RollUpAsync(task.UnitId, parentId, seen, ct);
        }
    }

    private async Task RecomputeOneAsync(WorkTask task, Plan plan, CancellationToken ct)
    {
        var calendar = await calendars.ForUnitAsync(db, task.UnitId, ct);
        SignClock.Track(task, plan, clock.Today, calendar);
        PartsRollUp.Apply(task, await PartsAsync(task, ct));
        TaskSchedule.Refresh(task, plan, calendar, options.Value);
        LightRules.Apply(task, DayFor(clock.Today, calendar, options.Value));
    }

    /// <summary>The parent a task has now and, when it was just moved, the one it had: both roll up anew.</summary>
    private IEnumerable<int> ParentsOf(WorkTask task)
    {
        var entry = db.Entry(task);
        var before = entry.State is EntityState.Added or EntityState.Detached ? null : entry.OriginalValues.GetValue<int?>(nameof(WorkTask.ParentId));
        return new[] { task.ParentId, before }.OfType<int>().Distinct();
    }

    /// <summary>Recomputes a task above a changed part, and so on up. The task's row is held first
    /// (when the caller has a transaction), so parts changed at once by different people roll up in
    /// turn, each seeing what the one before saved.</summary>
    private async Task RollUpAsync(int unitId, int id, HashSet<int> seen, CancellationToken ct)
    {
        // A loop of parents cannot be saved (TaskEditor refuses it); the guard keeps a bad row from hanging a save.
        if (!seen.Add(id))
        {
            return;
        }

        var parent = Tracked(id);
        if (parent is null)
        {
            if (db.Database.CurrentTransaction is not null)
            {
                await TaskRowLock.HoldAsync(db, unitId, id, ct);
            }

            parent = await db.Tasks.Include(t => t.Milestones).FirstOrDefaultAsync(t => t.Id == id && t.UnitId == unitId, ct);
        }
        else if (!db.Entry(parent).Collection(t => t.Milestones).IsLoaded)
        {
            await db.Entry(parent).Collection(t => t.Milestones).LoadAsync(ct);
        }

        if (parent is null)
        {
            return;
        }

        await RecomputeOneAsync(parent, await plans.GetAsync(db, parent.PlanId, ct), ct);
        foreach (var next in ParentsOf(parent))
        {
            await RollUpAsync(unitId, next, seen, ct);
        }
    }

    /// <summary>A task's parts as this save will leave them: the stored rows, with the ones this context
    /// holds (changed, added or moved here but not saved yet) in their place.</summary>
    private async Task<List<WorkTask>> PartsAsync(WorkTask task, CancellationToken ct)
    {
        var tracked = db.ChangeTracker.Entries<WorkTask>().Where(e => e.State != EntityState.Deleted && e.Entity != task).Select(e => e.Entity).ToList();
        var stored = task.Id == 0 ? []
            : _storedParts is not null && _storedParts.TryGetValue(task.Id, out var read) ? read
            : await db.Tasks.AsNoTracking().Where(t => t.UnitId == task.UnitId && t.ParentId == task.Id).ToListAsync(ct);
        var held = tracked.Where(t => t.Id != 0).Select(t => t.Id).ToHashSet();
        return [.. stored.Where(t => !held.Contains(t.Id)).Concat(tracked.Where(t => t.ParentId == task.Id && task.Id != 0))];
    }

    /// <summary>The stored parts of tasks read at once (<see cref="ReadPartsAsync"/>), until that reading is disposed.</summary>
    private Dictionary<int, List<WorkTask>>? _storedParts;

    /// <summary>Reads the stored parts of several tasks in one query, for recomputing each of them next
    /// (a batch of reports): until the returned handle is disposed, their parts are not read again. For use
    /// before the context saves; the parts this context holds still take the stored rows' place.</summary>
    public async Task<IDisposable> ReadPartsAsync(IReadOnlyCollection<WorkTask> tasks, CancellationToken ct = default)
    {
        var ids = tasks.Where(t => t.Id != 0).Select(t => (int?)t.Id).Distinct().ToList();
        var units = tasks.Select(t => t.UnitId).Distinct().ToList();
        var parts = await db.Tasks.AsNoTracking().Where(t => units.Contains(t.UnitId) && ids.Contains(t.ParentId)).ToListAsync(ct);
        _storedParts = ids.ToDictionary(id => id!.Value, id => parts.Where(p => p.ParentId == id).ToList());
        return new Forget(this);
    }

    private sealed class Forget(TaskLights lights) : IDisposable
    {
        public void Dispose() => lights._storedParts = null;
    }

    private WorkTask? Tracked(int id) =>
        db.ChangeTracker.Entries<WorkTask>().FirstOrDefault(e => e.Entity.Id == id && e.State != EntityState.Deleted)?.Entity;

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
    /// refreshes the lights. Each batch is its own transaction, so a large unit does not hold its
    /// tasks' rows for the whole run; <paramref name="progress"/> is told the open tasks done of the total.</summary>
    public Task RescheduleUnitAsync(int unitId, int? planId = null, CancellationToken ct = default) => RescheduleAsync(unitId, planId, null, ct);

    /// <summary>The whole unit, as the calendar's reschedule job runs it, telling how far it has come.</summary>
    public Task RescheduleUnitAsync(int unitId, Func<int, int, Task> progress, CancellationToken ct) => RescheduleAsync(unitId, null, progress, ct);

    private async Task RescheduleAsync(int unitId, int? planId, Func<int, int, Task>? progress, CancellationToken ct)
    {
        calendars.Invalidate(unitId);
        var calendar = await calendars.ForUnitAsync(db, unitId, ct);
        var plans = await db.Plans.AsNoTracking().Where(p => p.UnitId == unitId).ToDictionaryAsync(p => p.Id, ct);
        var lastId = 0;
        var (done, total) = (0, 0);
        if (progress is not null)
        {
            total = await db.Tasks.CountAsync(t => t.UnitId == unitId && t.CompletedOn == null && (planId == null || t.PlanId == planId), ct);
            await progress(0, total);
        }

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
            done += batch.Count;
            if (progress is not null)
            {
                await progress(Math.Min(done, total), Math.Max(done, total));
            }
        }

        await RollUpUnitAsync(unitId, planId, calendar, plans, ct);
        await RefreshUnitAsync(unitId, ct);
    }

    /// <summary>Every task with parts rolled up again after its parts' facts were recomputed in bulk,
    /// the deepest first so that each level reads the one below as saved.</summary>
    private async Task RollUpUnitAsync(int unitId, int? planId, WorkingCalendar calendar, Dictionary<int, Plan> plans, CancellationToken ct)
    {
        var links = await db.Tasks.AsNoTracking().Where(t => t.UnitId == unitId && t.ParentId != null && (planId == null || t.PlanId == planId))
            .Select(t => new { t.Id, Parent = t.ParentId!.Value }).ToListAsync(ct);
        var parentOf = links.ToDictionary(l => l.Id, l => l.Parent);
        int Depth(int id)
        {
            var seen = new HashSet<int>();
            while (parentOf.TryGetValue(id, out var up) && seen.Add(id))
            {
                id = up;
            }

            return seen.Count;
        }

        foreach (var level in links.Select(l => l.Parent).Distinct().GroupBy(Depth).OrderByDescending(g => g.Key))
        {
            foreach (var batch in level.Chunk(500))
            {
                while (true)
                {
                    var rows = await db.Tasks.Include(t => t.Milestones).Where(t => t.UnitId == unitId && batch.Contains(t.Id)).ToListAsync(ct);
                    var parts = (await db.Tasks.AsNoTracking().Where(t => t.UnitId == unitId && t.ParentId != null && batch.Contains(t.ParentId.Value)).ToListAsync(ct))
                        .ToLookup(t => t.ParentId!.Value);
                    foreach (var task in rows)
                    {
                        PartsRollUp.Apply(task, [.. parts[task.Id]]);
                        TaskSchedule.Refresh(task, plans[task.PlanId], calendar, options.Value);
                    }

                    try
                    {
                        await db.SaveChangesAsync(ct);
                        db.ChangeTracker.Clear();
                        break;
                    }
                    catch (DbUpdateConcurrencyException)
                    {
                        db.ChangeTracker.Clear();
                    }
                }
            }
        }
    }
}
