using System.Runtime.CompilerServices;
using Luoshi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Luoshi.Features.Record;

/// <summary>
/// Writes what was appended with <see cref="RecordChain.Append"/>: the entries leave the save (their
/// rows have no ids yet) and are written right after it, with the rows' content as the database
/// holds it, inside the save's transaction (<see cref="LuoshiDb.EnlistSaveAsync"/>). So a row and its
/// entry are saved together or not at all.
/// </summary>
internal sealed class RecordInterceptor : SaveChangesInterceptor
{
    public static readonly RecordInterceptor Instance = new();

    // Stateless and shared by every context: what one save appended waits here between its two steps.
    private static readonly ConditionalWeakTable<DbContext, List<RecordEntry>> Waiting = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        // Contexts are pooled: a save that broke off after this step (another interceptor threw in its
        // second step, say a deadlock) must leave nothing behind for the next request that rents this context.
        await Forget(eventData.Context);
        if (eventData.Context is LuoshiDb db && RecordChain.TakePending(db.ChangeTracker) is { Count: > 0 } pending)
        {
            await db.EnlistSaveAsync(cancellationToken);
            Waiting.AddOrUpdate(db, pending);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is LuoshiDb db && Waiting.TryGetValue(db, out var pending))
        {
            Waiting.Remove(db);
            await RecordChain.WriteAsync(db, pending, cancellationToken);
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
