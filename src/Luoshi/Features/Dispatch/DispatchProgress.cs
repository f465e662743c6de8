using System.Runtime.CompilerServices;
using Luoshi.Data;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Luoshi.Features.Dispatch;

/// <summary>
/// The lead unit's progress and light, carried up into the assigner's task. Whatever moves the lead
/// unit's received task (a report, a completed milestone, its parts rolling up into it, a relight after
/// an edit) is a save of that task; this interceptor sees the save, and in the same transaction copies the
/// received task's progress, achieved value, last report and light into the assigner's task (a save of
/// its own, so the light tally and the record of that unit follow, and a 交办 received and passed further
/// down carries up again, one level per save). Cooperating units' tasks are not copied: the assigner sees
/// them on the 交办 page. Registered in Data/DatabaseSetup after the other interceptors, so theirs are
/// written first. Unlike <see cref="BesideSaveInterceptor{T}"/> it keeps what a save carries through the
/// nested saves the others make in their second step (the record writes its entries with a save of its
/// own): what waits is added to, never dropped, until a save completes and carries it.
/// </summary>
internal sealed class DispatchProgressInterceptor : SaveChangesInterceptor
{
    public static readonly DispatchProgressInterceptor Instance = new();

    private readonly ConditionalWeakTable<DbContext, List<(int UnitId, int TaskId)>> _waiting = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is LuoshiDb db && Take(db) is { } moved)
        {
            await db.EnlistSaveAsync(cancellationToken);
            var waiting = _waiting.GetOrCreateValue(db);
            waiting.AddRange(moved.Where(m => !waiting.Contains(m)));
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is LuoshiDb db && _waiting.TryGetValue(db, out var taken))
        {
            _waiting.Remove(db);
            await WriteAsync(db, taken, cancellationToken);
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _waiting.Remove(context);
        }
    }

    private static readonly string[] Carried =
    [
        nameof(WorkTask.ProgressPercent), nameof(WorkTask.AchievedValue), nameof(WorkTask.LastReportedAt), nameof(WorkTask.LastReportedPeriodEnd),
        nameof(WorkTask.Light), nameof(WorkTask.LightReason),
    ];

    private static List<(int UnitId, int TaskId)>? Take(LuoshiDb db)
    {
        List<(int, int)>? moved = null;
        foreach (var entry in db.ChangeTracker.Entries<WorkTask>())
        {
            if (entry is { State: EntityState.Modified, Entity.Kind: WorkKind.Dispatch } && Carried.Any(p => entry.Property(p).IsModified))
            {
                (moved ??= []).Add((entry.Entity.UnitId, entry.Entity.Id));
            }
        }

        return moved;
    }

    private static async Task WriteAsync(LuoshiDb db, List<(int UnitId, int TaskId)> taken, CancellationToken ct)
    {
        var units = taken.Select(t => t.UnitId).Distinct().ToList();
        var ids = taken.Select(t => t.TaskId).Distinct().ToList();
        // Across units, narrowed to the lead parties of exactly the tasks that moved.
        var leads = await db.DispatchParties.IgnoreQueryFilters([UnitKeys.FilterName]).AsNoTracking()
            .Where(p => p.IsLead && p.State == DispatchState.Signed && p.ReceivedTaskId != null && units.Contains(p.UnitId) && ids.Contains(p.ReceivedTaskId!.Value))
            .Select(p => new { p.UnitId, ReceivedTaskId = p.ReceivedTaskId!.Value, p.SourceUnitId, p.SourceTaskId })
            .ToListAsync(ct);
        var changed = false;
        foreach (var lead in leads.Where(l => taken.Contains((l.UnitId, l.ReceivedTaskId))))
        {
            var received = db.ChangeTracker.Entries<WorkTask>().FirstOrDefault(e => e.Entity.UnitId == lead.UnitId && e.Entity.Id == lead.ReceivedTaskId)?.Entity;
            var source = await db.Tasks.IgnoreQueryFilters([UnitKeys.FilterName])
                .FirstOrDefaultAsync(t => t.UnitId == lead.SourceUnitId && t.Id == lead.SourceTaskId, ct);
            if (received is null || source is null || source.CompletedOn is not null)
            {
                continue;
            }

            changed |= Carry(received, source);
        }

        if (changed)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Copies what the assigner shows; true when anything changed.</summary>
    public static bool Carry(WorkTask received, WorkTask source)
    {
        if (source.ProgressPercent == received.ProgressPercent && source.AchievedValue == received.AchievedValue && source.LastReportedAt == received.LastReportedAt
            && source.LastReportedPeriodEnd == received.LastReportedPeriodEnd && source.Light == received.Light && source.LightReason == received.LightReason)
        {
            return false;
        }

        source.ProgressPercent = received.ProgressPercent;
        source.AchievedValue = received.AchievedValue;
        source.LastReportedAt = received.LastReportedAt;
        source.LastReportedPeriodEnd = received.LastReportedPeriodEnd;
        source.Light = received.Light;
        source.LightReason = received.LightReason;
        source.UpdatedAt = received.UpdatedAt;
        return true;
    }
}
