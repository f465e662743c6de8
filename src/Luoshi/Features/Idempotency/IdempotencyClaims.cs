using Luoshi.Data;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Idempotency;

/// <summary>Taking a key for a request: the unique index on (unit, person, key) lets one copy have it.</summary>
internal static class IdempotencyClaims
{
    /// <summary>How long an unanswered claim whose request saved nothing holds its key. Past it, the request
    /// is taken to be lost (its instance died, or the database's primary went away before it could free the
    /// key) and a repeat takes the key over; should the first request still try to save, its save fails
    /// (<see cref="IdempotencyMark"/>), so only one of them ever acts.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>Claims the key; returns the earlier use when it is taken (an expired one is freed first).</summary>
    public static async Task<IdempotentRequest?> ClaimAsync(LuoshiDb db, IdempotentRequest claim, CancellationToken ct)
    {
        // A plain retry finds the earlier use by reading; only copies that arrive together meet at the index.
        if (await EarlierAsync(db, claim, ct) is { } found && found.CreatedAt >= claim.CreatedAt - IdempotencyCleanup.Lifetime && !Abandoned(found, claim.CreatedAt))
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
            if (earlier is not null && earlier.CreatedAt >= claim.CreatedAt - IdempotencyCleanup.Lifetime && !Abandoned(earlier, claim.CreatedAt))
            {
                return earlier;
            }

            if (attempt > 0)
            {
                return earlier ?? claim; // still racing after a retry: answered as "being handled"
            }

            if (earlier is not null)
            {
                // An abandoned claim goes only as long as its request has still saved nothing: a save that
                // marks it meanwhile holds the row, and this DELETE then finds it marked and leaves it.
                var expired = earlier.CreatedAt < claim.CreatedAt - IdempotencyCleanup.Lifetime;
                await db.IdempotentRequests.Where(r => r.Id == earlier.Id && (expired || (r.StatusCode == null && !r.Acted))).ExecuteDeleteAsync(ct);
            }
        }
    }

    /// <summary>Unanswered, nothing saved, and older than the lease.</summary>
    private static bool Abandoned(IdempotentRequest earlier, DateTime now) => earlier.StatusCode is null && !earlier.Acted && earlier.CreatedAt < now - Lease;

    private static Task<IdempotentRequest?> EarlierAsync(LuoshiDb db, IdempotentRequest claim, CancellationToken ct) =>
        db.IdempotentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.UnitId == claim.UnitId && r.PersonId == claim.PersonId && r.Key == claim.Key, ct);
}
