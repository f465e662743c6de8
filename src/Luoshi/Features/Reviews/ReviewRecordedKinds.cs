using System.Security.Cryptography;
using Luoshi.Data;
using Luoshi.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reviews;

/// <summary>
/// What the tamper-evident record holds of reviews: a generated review, by the SHA-256 of its
/// file. Each kind's canonical
/// content is read from the database the same way when an entry is written and when it is verified,
/// so the bytes must not change for kinds already recorded (old entries would stop verifying).
/// Found by <see cref="RecordedSources"/>.
/// </summary>
internal static class ReviewRecordedKinds
{
    public static readonly RecordedSource Review = new("review", o => o is ReviewFile f ? f.Id : null, ReviewsAsync,
        (db, u, from, ct) => db.ReviewFiles.Where(r => r.UnitId == u && r.Id >= from).Select(r => (long)r.Id).ToListAsync(ct));

    /// <summary>A generated review is recorded by the SHA-256 of its file: what was circulated cannot be swapped.</summary>
    private static async Task<Dictionary<long, string>> ReviewsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct) =>
        (await db.ReviewFiles.AsNoTracking().Where(f => f.UnitId == unitId && ids.Contains(f.Id)).ToListAsync(ct))
        .ToDictionary(f => f.Id, f => CanonicalJson.Object(
            ("id", f.Id), ("period", f.Period), ("kind", f.Kind), ("fileName", f.FileName),
            ("sha256", Convert.ToHexStringLower(SHA256.HashData(f.Content))), ("createdAt", f.CreatedAt)));
}
