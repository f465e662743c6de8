using Luoshi.Data;
using Luoshi.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Recheck;

/// <summary>What the tamper-evident record holds of re-checks: the office's conclusion (通过/未通过),
/// appended once the row is final; a re-check still pending is not recorded yet, so the coverage check
/// asks only for concluded ones. Found by <see cref="RecordedSources"/>.</summary>
internal static class RecheckRecordedKinds
{
    public static readonly RecordedSource Recheck = new("recheck", o => o is ScheduledRecheck r ? r.Id : null, ContentsAsync,
        (db, u, from, ct) => db.Rechecks.Where(r => r.UnitId == u && r.Id >= from && r.Result != RecheckResult.Pending).Select(r => (long)r.Id).ToListAsync(ct));

    private static async Task<Dictionary<long, string>> ContentsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.Rechecks.AsNoTracking().Where(r => r.UnitId == unitId && ids.Contains(r.Id)).ToListAsync(ct))
        .ToDictionary(r => (long)r.Id, r => CanonicalJson.Object(
            ("id", r.Id), ("task", r.OriginalTaskId), ("recheckTask", r.RecheckTaskId), ("scheduledFor", r.ScheduledFor), ("what", r.What),
            ("scheduledBy", r.ScheduledById), ("scheduledAt", r.ScheduledAt), ("startedOn", r.StartedOn), ("result", r.Result),
            ("findings", r.Findings), ("reopenedDueDate", r.ReopenedDueDate), ("concludedBy", r.ConcludedById), ("concludedAt", r.ConcludedAt)));
}
