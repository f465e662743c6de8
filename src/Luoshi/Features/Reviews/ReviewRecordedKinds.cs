using System.Security.Cryptography;
using Luoshi.Data;
using Luoshi.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reviews;

/// <summary>
/// What the tamper-evident record holds of reviews: a generated review and an issued 督查通报, each by
/// the SHA-256 of its file. Each kind's canonical
/// content is read from the database the same way when an entry is written and when it is verified,
/// so the bytes must not change for kinds already recorded (old entries would stop verifying).
/// Found by <see cref="RecordedSources"/>.
/// </summary>
internal static class ReviewRecordedKinds
{
    public static readonly RecordedSource Review = new("review", o => o is ReviewFile f ? f.Id : null, ReviewsAsync,
        (db, u, from, ct) => db.ReviewFiles.Where(r => r.UnitId == u && r.Id >= from).Select(r => (long)r.Id).ToListAsync(ct));

    public static readonly RecordedSource Bulletin = new("bulletin", o => o is IssuedBulletin b ? b.Id : null, BulletinsAsync,
        (db, u, from, ct) => db.IssuedBulletins.Where(b => b.UnitId == u && b.Id >= from).Select(b => b.Id).ToListAsync(ct));

    /// <summary>An issued 督查通报: its number and the SHA-256 of the file as it went out.</summary>
    private static async Task<Dictionary<long, string>> BulletinsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.IssuedBulletins.AsNoTracking().Where(b => b.UnitId == unitId && ids.Contains(b.Id)).ToListAsync(ct))
        .ToDictionary(b => b.Id, b => CanonicalJson.Object(
            ("id", b.Id), ("year", b.Year), ("number", b.Number), ("period", b.Period), ("plans", b.Plans), ("kinds", b.Kinds), ("fileName", b.FileName),
            ("sha256", Convert.ToHexStringLower(SHA256.HashData(b.Content))), ("issuedBy", b.IssuedById), ("issuedAt", b.IssuedAt)));

    /// <summary>A generated review is recorded by the SHA-256 of its file: what was circulated cannot be swapped.</summary>
    private static async Task<Dictionary<long, string>> ReviewsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.ReviewFiles.AsNoTracking().Where(f => f.UnitId == unitId && ids.Contains(f.Id)).ToListAsync(ct))
        .ToDictionary(f => f.Id, f => CanonicalJson.Object(
            ("id", f.Id), ("period", f.Period), ("kind", f.Kind), ("fileName", f.FileName),
            ("sha256", Convert.ToHexStringLower(SHA256.HashData(f.Content))), ("createdAt", f.CreatedAt)));
}
