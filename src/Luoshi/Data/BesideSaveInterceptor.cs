using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Luoshi.Data;

/// <summary>
/// A write that goes with a save, in two steps: what the save carries is taken before it (while the
/// change tracker still knows what changed), then written after the rows, inside the save's transaction
/// (<see cref="LuoshiDb.EnlistSaveAsync"/>), so both commit or roll back together. The light tally and the
/// record are the two. Stateless and shared by every context: what one save carries waits here between
/// its two steps.
/// </summary>
internal abstract class BesideSaveInterceptor<T> : SaveChangesInterceptor where T : class
{
    private readonly ConditionalWeakTable<DbContext, T> _waiting = [];

    /// <summary>What this save carries, or null when nothing.</summary>
    protected abstract T? Take(LuoshiDb db);

    protected abstract Task WriteAsync(LuoshiDb db, T taken, CancellationToken ct);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        // Contexts are pooled: a save that broke off after this step (another interceptor threw in its
        // second step, say a deadlock) must leave nothing behind for the next request that rents this context.
        Forget(eventData.Context);
        if (eventData.Context is LuoshiDb db && Take(db) is { } taken)
        {
            await db.EnlistSaveAsync(cancellationToken);
            _waiting.AddOrUpdate(db, taken);
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
}
