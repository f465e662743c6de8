using System.Runtime.CompilerServices;
using Luoshi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Luoshi.Features.Lights;

/// <summary>
/// Every save that adds a task or moves its light or lead section carries the matching
/// <see cref="LightTally"/> deltas, written after the rows inside the save's transaction
/// (<see cref="LuoshiDb.EnlistSaveAsync"/>): the counts and the tasks commit or roll back together.
/// </summary>
internal sealed class LightTallyInterceptor : SaveChangesInterceptor
{
    public static readonly LightTallyInterceptor Instance = new();

    // Stateless and shared by every context: what one save carries waits here between its two steps.
    private static readonly ConditionalWeakTable<DbContext, List<(LightTally.Key Key, int Delta)>> Waiting = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        // Contexts are pooled: a save that broke off after this step (another interceptor threw in its
        // second step, say a deadlock) must leave nothing behind for the next request that rents this context.
        await Forget(eventData.Context);
        if (eventData.Context is LuoshiDb db && LightTally.Deltas(db.ChangeTracker) is { Count: > 0 } deltas)
        {
            await db.EnlistSaveAsync(cancellationToken);
            Waiting.AddOrUpdate(db, deltas);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is LuoshiDb db && Waiting.TryGetValue(db, out var deltas))
        {
            Waiting.Remove(db);
            await LightTally.ApplyAsync(db, deltas, cancellationToken);
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) => Forget(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) => Forget(eventData.Context);

    private static Task Forget(DbContext? context)
    {
        if (context is not null)
        {
            Waiting.Remove(context);
        }

        return Task.CompletedTask;
    }
}
