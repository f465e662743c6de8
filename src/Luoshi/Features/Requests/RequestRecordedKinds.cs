using Luoshi.Data;
using Luoshi.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Requests;

/// <summary>
/// What the tamper-evident record holds of requests: 延期 and 办结 requests with their
/// decisions. Each kind's canonical
/// content is read from the database the same way when an entry is written and when it is verified,
/// so the bytes must not change for kinds already recorded (old entries would stop verifying).
/// Found by <see cref="RecordedSources"/>.
/// </summary>
internal static class RequestRecordedKinds
{
    public static readonly RecordedSource Extension = new("extension", o => o is ExtensionRequest r ? r.Id : null, ExtensionsAsync,
        (db, u, from, ct) => db.ExtensionRequests.Where(r => r.UnitId == u && r.Id >= from).Select(r => (long)r.Id).ToListAsync(ct));
    public static readonly RecordedSource Completion = new("completion", o => o is CompletionRequest r ? r.Id : null, CompletionsAsync,
        (db, u, from, ct) => db.CompletionRequests.Where(r => r.UnitId == u && r.Id >= from).Select(r => (long)r.Id).ToListAsync(ct));

    private static async Task<Dictionary<long, string>> ExtensionsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.ExtensionRequests.AsNoTracking().Where(r => r.UnitId == unitId && ids.Contains(r.Id)).ToListAsync(ct))
        .ToDictionary(r => (long)r.Id, r => CanonicalJson.Object(
            ("id", r.Id), ("task", r.TaskId), ("requestedBy", r.RequestedById), ("requestedAt", r.RequestedAt),
            ("currentDueDate", r.CurrentDueDate), ("newDueDate", r.NewDueDate), ("reason", r.Reason),
            ("status", r.Status), ("decidedBy", r.DecidedById), ("decidedAt", r.DecidedAt), ("decisionNote", r.DecisionNote)));

    private static async Task<Dictionary<long, string>> CompletionsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.CompletionRequests.AsNoTracking().Where(r => r.UnitId == unitId && ids.Contains(r.Id)).ToListAsync(ct))
        .ToDictionary(r => (long)r.Id, r => CanonicalJson.Object(
            ("id", r.Id), ("task", r.TaskId), ("report", r.ReportId), ("requestedBy", r.RequestedById), ("requestedAt", r.RequestedAt),
            ("claimedOn", r.ClaimedOn), ("status", r.Status), ("decidedBy", r.DecidedById), ("decidedAt", r.DecidedAt), ("decisionNote", r.DecisionNote)));
}
