using Luoshi.Data;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Luoshi.Features.Tasks;

/// <summary>Saving an action that must happen once, in the transaction <see cref="TaskRowLock"/> began:
/// when another action won the race (a unique index or a concurrency token), nothing is kept and the
/// loser is told why.</summary>
internal static class SaveOnce
{
    public static async Task<Outcome<T>> RunAsync<T>(LuoshiDb db, IDbContextTransaction transaction, T saved, string refusal, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Outcome<T>.Ok(saved);
        }
        catch (DbUpdateException e) when (TaskRowLock.LostRace(e))
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<T>.Conflict(refusal);
        }
    }
}
