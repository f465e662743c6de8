using Luoshi.Data;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Idempotency;

/// <summary>Taking a key for a request: the unique index on (unit, person, key) lets one copy have it.</summary>
internal static class IdempotencyClaims
{
    /// <summary>Claims the key; returns the earlier use when it is taken (an expired one is freed first).</summary>
    public static async Task<IdempotentRequest?> ClaimAsync(LuoshiDb db, IdempotentRequest claim, CancellationToken ct)
    {
        // A plain retry finds the earlier use by reading; only copies that arrive together meet at the index.
        if (await EarlierAsync(db, claim, ct) is { } found && found.CreatedAt >= claim.CreatedAt - IdempotencyCleanup.Lifetime)
        {
            return found;
        }

        for (var attempt = 0; ; attempt++)
        {
            db.IdempotentRequests.Add(claim);
            try
            {
                await db.SaveChangesAsync(ct);
                return null;
            }
            catch (DbUpdateException e) when (e.LostRace())
            {
                db.ChangeTracker.Clear();
                claim.Id = 0;
            }

            var earlier = await EarlierAsync(db, claim, ct);
            if (earlier is not null && earlier.CreatedAt >= claim.CreatedAt - IdempotencyCleanup.Lifetime)
            {
                return earlier;
            }

            if (attempt > 0)
            {
                return earlier ?? claim; // still racing after a retry: answered as "being handled"
            }

            if (earlier is not null)
            {
                await db.IdempotentRequests.Where(r => r.Id == earlier.Id).ExecuteDeleteAsync(ct);
            }
        }
    }

    private static Task<IdempotentRequest?> EarlierAsync(LuoshiDb db, IdempotentRequest claim, CancellationToken ct) =>
        db.IdempotentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.UnitId == claim.UnitId && r.PersonId == claim.PersonId && r.Key == claim.Key, ct);
}
