using System.Security.Cryptography;
using Luoshi.Data;
using Luoshi.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Assessment;

/// <summary>
/// What the tamper-evident record holds of the assessment: the scheme (its settings and lock)
/// and every score change. Each kind's canonical
/// content is read from the database the same way when an entry is written and when it is verified,
/// so the bytes must not change for kinds already recorded (old entries would stop verifying).
/// Found by <see cref="RecordedSources"/>.
/// </summary>
internal static class AssessmentRecordedKinds
{
    public static readonly RecordedSource Scheme = new("scheme", o => o is AssessmentScheme s ? s.Id : null, SchemesAsync,
        (db, u, from, ct) => db.AssessmentSchemes.Where(r => r.UnitId == u && r.Id >= from).Select(r => (long)r.Id).ToListAsync(ct));
    public static readonly RecordedSource Adjustment = new("adjustment", o => o is ScoreAdjustment a ? a.Id : null, AdjustmentsAsync,
        (db, u, from, ct) => db.ScoreAdjustments.Where(r => r.UnitId == u && r.Id >= from).Select(r => (long)r.Id).ToListAsync(ct));
    public static readonly RecordedSource Grade = new("grade", o => o is QualityGrade g ? g.Id : null, GradesAsync,
        (db, u, from, ct) => db.QualityGrades.Where(r => r.UnitId == u && r.Id >= from).Select(r => (long)r.Id).ToListAsync(ct));
    public static readonly RecordedSource Award = new("award", o => o is AssessmentAward a ? a.Id : null, AwardsAsync,
        (db, u, from, ct) => db.AssessmentAwards.Where(r => r.UnitId == u && r.Id >= from).Select(r => (long)r.Id).ToListAsync(ct));

    private static async Task<Dictionary<long, string>> SchemesAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.AssessmentSchemes.AsNoTracking().Where(s => s.UnitId == unitId && ids.Contains(s.Id)).ToListAsync(ct))
        .ToDictionary(s => (long)s.Id, s => CanonicalJson.Object(
            ("id", s.Id), ("name", s.Name), ("periodStart", s.PeriodStart), ("periodEnd", s.PeriodEnd),
            ("completionWeight", s.CompletionWeight), ("timelinessWeight", s.TimelinessWeight), ("qualityWeight", s.QualityWeight),
            ("extendedFactor", s.ExtendedFactor), ("urgePoints", s.UrgePoints), ("supervisePoints", s.SupervisePoints),
            ("overduePointsPerDay", s.OverduePointsPerDay), ("overdueCapPerTask", s.OverdueCapPerTask), ("refusedCompletionPoints", s.RefusedCompletionPoints),
            ("leadShare", s.LeadShare), ("maxAdjustment", s.MaxAdjustment), ("grades", s.Grades), ("defaultGrade", s.DefaultGrade),
            ("locked", s.IsLocked), ("lockedAt", s.LockedAt), ("lockedBy", s.LockedById),
            ("lockedResultSha256", s.LockedResult is null ? null : Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(s.LockedResult))))));

    private static async Task<Dictionary<long, string>> AdjustmentsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.ScoreAdjustments.AsNoTracking().Where(a => a.UnitId == unitId && ids.Contains(a.Id)).ToListAsync(ct))
        .ToDictionary(a => a.Id, a => CanonicalJson.Object(
            ("id", a.Id), ("scheme", a.SchemeId), ("section", a.SectionId), ("person", a.PersonId), ("points", a.Points),
            ("reason", a.Reason), ("givenBy", a.GivenById), ("givenAt", a.GivenAt)));

    private static async Task<Dictionary<long, string>> GradesAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.QualityGrades.AsNoTracking().Where(g => g.UnitId == unitId && ids.Contains(g.Id)).ToListAsync(ct))
        .ToDictionary(g => g.Id, g => CanonicalJson.Object(
            ("id", g.Id), ("scheme", g.SchemeId), ("task", g.TaskId), ("grade", g.Grade), ("givenBy", g.GivenById), ("givenAt", g.GivenAt)));

    private static async Task<Dictionary<long, string>> AwardsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.AssessmentAwards.AsNoTracking().Where(a => a.UnitId == unitId && ids.Contains(a.Id)).ToListAsync(ct))
        .ToDictionary(a => a.Id, a => CanonicalJson.Object(
            ("id", a.Id), ("scheme", a.SchemeId), ("section", a.SectionId), ("person", a.PersonId), ("kind", a.Kind),
            ("reason", a.Reason), ("givenBy", a.GivenById), ("givenAt", a.GivenAt)));
}
