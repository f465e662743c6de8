using System.Runtime.CompilerServices;
using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Idempotency;

/// <summary>
/// Ties a keyed request's writes to its claim. Every save the request makes on its own context also
/// sets <see cref="IdempotentRequest.Acted"/> on the claim, in the save's transaction: once the request's
/// writes are committed, so is the mark, and without them, it is not. When the answer is lost (the
/// database's primary went away between the commit and the answer), the mark tells a repeat of the
/// request that it was carried out, and the key is never freed for a second run. The mark's UPDATE also
/// fences: it finds the claim only while it is this request's and unanswered, so a request whose claim
/// was taken over (<see cref="IdempotencyClaims.Lease"/>) cannot save after all: its save fails.
/// </summary>
internal sealed class IdempotencyMark : BesideSaveInterceptor<IdempotencyMark.Claim>
{
    public static readonly IdempotencyMark Instance = new();

    /// <summary>The request's context and its claim, from the claim until the answer.</summary>
    private static readonly ConditionalWeakTable<LuoshiDb, Claim> Claims = [];

    internal sealed record Claim(long Id);

    /// <summary>Saves on this context (the request's own) mark the claim, until <see cref="Detach"/>.</summary>
    public static void Attach(LuoshiDb db, long claimId) => Claims.AddOrUpdate(db, new Claim(claimId));

    /// <summary>The context goes back to the pool: the next request that rents it has no claim.</summary>
    public static void Detach(LuoshiDb db) => Claims.Remove(db);

    /// <summary>The context is a keyed request's: its writes must be saved on it.</summary>
    public static bool IsAttached(LuoshiDb db) => Claims.TryGetValue(db, out _);

    protected override Claim? Take(LuoshiDb db) => Claims.TryGetValue(db, out var claim) ? claim : null;

    protected override async Task WriteAsync(LuoshiDb db, Claim taken, CancellationToken ct)
    {
        var marked = await db.IdempotentRequests.IgnoreQueryFilters().Where(r => r.Id == taken.Id && r.StatusCode == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Acted, true), ct);
        if (marked == 0)
        {
            throw new IdempotencyClaimLostException(taken.Id);
        }
    }
}

/// <summary>The request's claim on its key was taken over by a repeat of the request (it waited past
/// the claim's lease): its writes are rolled back, the repeat's count.</summary>
internal sealed class IdempotencyClaimLostException(long claimId)
    : InvalidOperationException($"Idempotency claim {claimId} was taken over by a repeat of the request; this request's writes are rolled back");
