using Luoshi.Data;
using Luoshi.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reports;

/// <summary>
/// What the tamper-evident record holds of reports: a progress report (with its evidence files'
/// hashes) and a 退回重报. Each kind's canonical
/// content is read from the database the same way when an entry is written and when it is verified,
/// so the bytes must not change for kinds already recorded (old entries would stop verifying).
/// Found by <see cref="RecordedSources"/>.
/// </summary>
internal static class ReportRecordedKinds
{
    public static readonly RecordedSource Report = new("report", o => o is ProgressReport r ? r.Id : null, ReportsAsync,
        (db, u, from, ct) => db.Reports.Where(r => r.UnitId == u && r.Id >= from).Select(r => r.Id).ToListAsync(ct));
    public static readonly RecordedSource ReportReturn = new("report-return", o => o is ReportReturn r ? r.Id : null, ReportReturnsAsync,
        (db, u, from, ct) => db.ReportReturns.Where(r => r.UnitId == u && r.Id >= from).Select(r => r.Id).ToListAsync(ct));

    private static async Task<Dictionary<long, string>> ReportsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.Reports.AsNoTracking().Include(r => r.Evidence).Where(r => r.UnitId == unitId && ids.Contains(r.Id)).ToListAsync(ct))
        .ToDictionary(r => r.Id, r => CanonicalJson.Object(
            ("id", r.Id), ("task", r.TaskId), ("section", r.SectionId), ("author", r.AuthorId),
            ("periodStart", r.PeriodStart), ("periodEnd", r.PeriodEnd), ("submittedAt", r.SubmittedAt), ("late", r.IsLate),
            ("progress", r.Progress), ("percent", r.Percent), ("achievedValue", r.AchievedValue), ("problems", r.Problems),
            ("nextSteps", r.NextSteps), ("claimsCompletion", r.ClaimsCompletion), ("corrects", r.CorrectsId),
            ("evidence", r.Evidence.OrderBy(e => e.Id).Select(e => new (string, object?)[] { ("id", e.Id), ("fileName", e.FileName), ("sha256", e.Sha256), ("size", e.Size) }).ToList())));

    private static async Task<Dictionary<long, string>> ReportReturnsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.ReportReturns.AsNoTracking().Where(r => r.UnitId == unitId && ids.Contains(r.Id)).ToListAsync(ct))
        .ToDictionary(r => r.Id, r => CanonicalJson.Object(
            ("id", r.Id), ("task", r.TaskId), ("report", r.ReportId), ("section", r.SectionId),
            ("returnedBy", r.ReturnedById), ("returnedAt", r.ReturnedAt), ("reason", r.Reason)));
}
