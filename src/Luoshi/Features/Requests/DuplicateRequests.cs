using Luoshi.Data;
using Luoshi.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Requests;

/// <summary>
/// The upgrade that brought one pending request per task withdrew the later duplicates in SQL (the
/// migration OneActionOnce). Their rows then differ from what the record holds, so at start-up each
/// withdrawal not yet recorded is recorded, by nobody (the system), and <c>verify</c> agrees again.
/// </summary>
internal static class DuplicateRequests
{
    public static async Task RecordWithdrawalsAsync(LuoshiDb db, TimeProvider time, CancellationToken ct = default)
    {
        var recorded = db.RecordEntries.Where(e => e.Kind == "extension-withdrawn" || e.Kind == "completion-withdrawn").Select(e => e.EntityKey);
        var extensions = await db.ExtensionRequests.AsNoTracking()
            .Where(r => r.Status == RequestStatus.Withdrawn && !recorded.Contains("extension:" + r.Id)).ToListAsync(ct);
        var completions = await db.CompletionRequests.AsNoTracking()
            .Where(r => r.Status == RequestStatus.Withdrawn && !recorded.Contains("completion:" + r.Id)).ToListAsync(ct);
        if (extensions.Count + completions.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        extensions.ForEach(r => RecordChain.Append(db, r.UnitId, "extension-withdrawn", r, null, now));
        completions.ForEach(r => RecordChain.Append(db, r.UnitId, "completion-withdrawn", r, null, now));
        await db.SaveChangesAsync(ct);
    }
}
