using System.Security.Cryptography;
using Luoshi.Data;
using Luoshi.Features.Assessment;
using Luoshi.Features.Reviews;
using Luoshi.Features.Reports;
using Luoshi.Features.Requests;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Record;

/// <summary>
/// A kind of row the record can hold: its key prefix, how to get its id, and its canonical content
/// read from the database. The same reader runs when an entry is appended and when it is verified,
/// so an intact row always gives the content that was hashed.
/// </summary>
internal sealed record RecordedSource(
    string Prefix,
    Func<object, long?> IdOf,
    Func<LuoshiDb, int, List<long>, CancellationToken, Task<Dictionary<long, string>>> ContentsAsync,
    Func<LuoshiDb, int, long, CancellationToken, Task<List<long>>> IdsFromAsync)
{
    public string Key(long id) => $"{Prefix}:{id}";
}

/// <summary>The rows that are recorded. To record another kind (a score, a generated review), add its
/// source here and call <see cref="RecordChain.Append"/> where it is saved.</summary>
internal static class RecordedSources
{
    public static readonly RecordedSource Report = new("report", o => o is ProgressReport r ? r.Id : null, ReportsAsync,
        (db, u, from, ct) => db.Reports.Where(r => r.UnitId == u && r.Id >= from).Select(r => r.Id).ToListAsync(ct));
    public static readonly RecordedSource Extension = new("extension", o => o is ExtensionRequest r ? r.Id : null, ExtensionsAsync,
        (db, u, from, ct) => db.ExtensionRequests.Where(r => r.UnitId == u && r.Id >= from).Select(r => (long)r.Id).ToListAsync(ct));
    public static readonly RecordedSource Completion = new("completion", o => o is CompletionRequest r ? r.Id : null, CompletionsAsync,
        (db, u, from, ct) => db.CompletionRequests.Where(r => r.UnitId == u && r.Id >= from).Select(r => (long)r.Id).ToListAsync(ct));

    public static readonly RecordedSource Scheme = new("scheme", o => o is AssessmentScheme s ? s.Id : null, SchemesAsync,
        (db, u, from, ct) => db.AssessmentSchemes.Where(r => r.UnitId == u && r.Id >= from).Select(r => (long)r.Id).ToListAsync(ct));
    public static readonly RecordedSource Adjustment = new("adjustment", o => o is ScoreAdjustment a ? a.Id : null, AdjustmentsAsync,
        (db, u, from, ct) => db.ScoreAdjustments.Where(r => r.UnitId == u && r.Id >= from).Select(r => (long)r.Id).ToListAsync(ct));
    public static readonly RecordedSource Grade = new("grade", o => o is QualityGrade g ? g.Id : null, GradesAsync,
        (db, u, from, ct) => db.QualityGrades.Where(r => r.UnitId == u && r.Id >= from).Select(r => (long)r.Id).ToListAsync(ct));
    public static readonly RecordedSource Award = new("award", o => o is AssessmentAward a ? a.Id : null, AwardsAsync,
        (db, u, from, ct) => db.AssessmentAwards.Where(r => r.UnitId == u && r.Id >= from).Select(r => (long)r.Id).ToListAsync(ct));
    public static readonly RecordedSource Review = new("review", o => o is ReviewFile f ? f.Id : null, ReviewsAsync,
        (db, u, from, ct) => db.ReviewFiles.Where(r => r.UnitId == u && r.Id >= from).Select(r => (long)r.Id).ToListAsync(ct));

    public static readonly RecordedSource ReportReturn = new("report-return", o => o is ReportReturn r ? r.Id : null, ReportReturnsAsync,
        (db, u, from, ct) => db.ReportReturns.Where(r => r.UnitId == u && r.Id >= from).Select(r => r.Id).ToListAsync(ct));
    public static readonly RecordedSource Reassignment = new("reassign", o => o is Assignment.Reassignment r ? r.Id : null, ReassignmentsAsync,
        (db, u, from, ct) => db.Reassignments.Where(r => r.UnitId == u && r.Id >= from).Select(r => r.Id).ToListAsync(ct));

    // The 督办台账: manual 催办/督办 (the daily run's steps are not recorded, so only manual ones count
    // for coverage), the sections' replies and the office's decisions, and leaders' instructions.
    public static readonly RecordedSource ManualStep = new("sheet", o => o is Supervision.EscalationStep { Source: Supervision.StepSource.Manual } s ? s.Id : null, ManualStepsAsync,
        (db, u, from, ct) => db.EscalationSteps.Where(s => s.UnitId == u && s.Id >= from && s.Source == Supervision.StepSource.Manual).Select(s => s.Id).ToListAsync(ct));
    public static readonly RecordedSource Reply = new("reply", o => o is Supervision.SheetReply r ? r.Id : null, RepliesAsync,
        (db, u, from, ct) => db.SheetReplies.Where(r => r.UnitId == u && r.Id >= from).Select(r => r.Id).ToListAsync(ct));
    public static readonly RecordedSource Instruction = new("instruction", o => o is Instructions.Instruction i ? i.Id : null, InstructionsAsync,
        (db, u, from, ct) => db.Instructions.Where(i => i.UnitId == u && i.Id >= from).Select(i => i.Id).ToListAsync(ct));

    public static readonly RecordedSource Bulletin = new("bulletin", o => o is IssuedBulletin b ? b.Id : null, BulletinsAsync,
        (db, u, from, ct) => db.IssuedBulletins.Where(b => b.UnitId == u && b.Id >= from).Select(b => b.Id).ToListAsync(ct));

    public static readonly IReadOnlyList<RecordedSource> All = [Report, Extension, Completion, Scheme, Adjustment, Grade, Award, Review, ReportReturn, Reassignment, ManualStep, Reply, Instruction, Bulletin];

    public static RecordedSource For(object row) =>
        All.FirstOrDefault(s => s.IdOf(row) is not null) ?? throw new ArgumentException($"{row.GetType().Name} is not a recorded kind of row.", nameof(row));

    public static RecordedSource? ForKey(string entityKey) => All.FirstOrDefault(s => entityKey.StartsWith(s.Prefix + ":", StringComparison.Ordinal));

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

    private static async Task<Dictionary<long, string>> ReassignmentsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.Reassignments.AsNoTracking().Where(r => r.UnitId == unitId && ids.Contains(r.Id)).ToListAsync(ct))
        .ToDictionary(r => r.Id, r => CanonicalJson.Object(
            ("id", r.Id), ("task", r.TaskId), ("at", r.At), ("by", r.ById), ("fromSection", r.FromSectionId), ("toSection", r.ToSectionId),
            ("fromPerson", r.FromPersonId), ("toPerson", r.ToPersonId), ("reason", r.Reason), ("taskReturn", r.TaskReturnId), ("batch", r.BatchKey?.ToString())));

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

    // Assessment: the scheme (its settings and lock) and every score change.
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

    /// <summary>A generated review is recorded by the SHA-256 of its file: what was circulated cannot be swapped.</summary>
    private static async Task<Dictionary<long, string>> ReviewsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.ReviewFiles.AsNoTracking().Where(f => f.UnitId == unitId && ids.Contains(f.Id)).ToListAsync(ct))
        .ToDictionary(f => f.Id, f => CanonicalJson.Object(
            ("id", f.Id), ("period", f.Period), ("kind", f.Kind), ("fileName", f.FileName),
            ("sha256", Convert.ToHexStringLower(SHA256.HashData(f.Content))), ("createdAt", f.CreatedAt)));

    /// <summary>An issued 督查通报: its number and the SHA-256 of the file as it went out.</summary>
    private static async Task<Dictionary<long, string>> BulletinsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.IssuedBulletins.AsNoTracking().Where(b => b.UnitId == unitId && ids.Contains(b.Id)).ToListAsync(ct))
        .ToDictionary(b => b.Id, b => CanonicalJson.Object(
            ("id", b.Id), ("year", b.Year), ("number", b.Number), ("period", b.Period), ("plans", b.Plans), ("kinds", b.Kinds), ("fileName", b.FileName),
            ("sha256", Convert.ToHexStringLower(SHA256.HashData(b.Content))), ("issuedBy", b.IssuedById), ("issuedAt", b.IssuedAt)));

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

    private static async Task<Dictionary<long, string>> InstructionsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.Instructions.AsNoTracking().Where(i => i.UnitId == unitId && ids.Contains(i.Id)).ToListAsync(ct))
        .ToDictionary(i => i.Id, i => CanonicalJson.Object(
            ("id", i.Id), ("task", i.TaskId), ("sheet", i.StepId), ("leader", i.LeaderId), ("text", i.Text), ("writtenAt", i.WrittenAt),
            ("acknowledgedAt", i.AcknowledgedAt), ("acknowledgedBy", i.AcknowledgedById)));
}
