using Luoshi.Data;
using Luoshi.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Supervision;

/// <summary>
/// What the tamper-evident record holds of the 督办台账: manual 催办/督办 (the daily run's steps are not
/// recorded, so only manual ones count for coverage), the sections' replies and the office's decisions. Each kind's canonical
/// content is read from the database the same way when an entry is written and when it is verified,
/// so the bytes must not change for kinds already recorded (old entries would stop verifying).
/// Found by <see cref="RecordedSources"/>.
/// </summary>
internal static class SupervisionRecordedKinds
{
    public static readonly RecordedSource ManualStep = new("sheet", o => o is EscalationStep { Source: StepSource.Manual } s ? s.Id : null, ManualStepsAsync,
        (db, u, from, ct) => db.EscalationSteps.Where(s => s.UnitId == u && s.Id >= from && s.Source == StepSource.Manual).Select(s => s.Id).ToListAsync(ct));
    public static readonly RecordedSource Reply = new("reply", o => o is SheetReply r ? r.Id : null, RepliesAsync,
        (db, u, from, ct) => db.SheetReplies.Where(r => r.UnitId == u && r.Id >= from).Select(r => r.Id).ToListAsync(ct));

    /// <summary>What the office issued; the sheet's later course (签收, 反馈, 办结) is recorded by its replies.</summary>
    private static async Task<Dictionary<long, string>> ManualStepsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.EscalationSteps.AsNoTracking().Where(s => s.UnitId == unitId && ids.Contains(s.Id)).ToListAsync(ct))
        .ToDictionary(s => s.Id, s => CanonicalJson.Object(
            ("id", s.Id), ("task", s.TaskId), ("step", s.Step), ("year", s.Year), ("sequence", s.Sequence),
            ("message", s.Message), ("issuedBy", s.IssuedById), ("raisedAt", s.RaisedAt), ("facts", s.Facts)));

    private static async Task<Dictionary<long, string>> RepliesAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.SheetReplies.AsNoTracking().Include(r => r.Evidence).Where(r => r.UnitId == unitId && ids.Contains(r.Id)).ToListAsync(ct))
        .ToDictionary(r => r.Id, r => CanonicalJson.Object(
            ("id", r.Id), ("sheet", r.StepId), ("task", r.TaskId), ("author", r.AuthorId), ("text", r.Text), ("submittedAt", r.SubmittedAt),
            ("status", r.Status), ("decidedBy", r.DecidedById), ("decidedAt", r.DecidedAt), ("decisionNote", r.DecisionNote),
            ("evidence", r.Evidence.OrderBy(e => e.Id).Select(e => new (string, object?)[] { ("id", e.Id), ("fileName", e.FileName), ("sha256", e.Sha256), ("size", e.Size) }).ToList())));
}
