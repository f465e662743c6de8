using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Record;

/// <summary>
/// Checks a unit's signed chain ends (<see cref="RecordSeal"/>): each signature by the unit's public
/// key, each signed hash still at its place in the chain, and every SM3 entry (written with 国密 on)
/// under a signed end, so deleting the last signatures shows too.
/// </summary>
internal static class RecordSeals
{
    /// <summary>The unit's seals after <paramref name="after"/>, in order (read before the walk, which keeps the hashes at their places).</summary>
    public static Task<List<RecordSeal>> ReadAsync(LuoshiDb db, int unit, long after, CancellationToken ct) =>
        db.RecordSeals.AsNoTracking().Where(s => s.UnitId == unit && s.Seq > after).OrderBy(s => s.Seq).ToListAsync(ct);

    /// <param name="hashes">The chain's hashes at the places the seals signed (missing: no entry there any more).</param>
    /// <param name="lastSm3">The last SM3 entry after <paramref name="after"/>.</param>
    /// <param name="after">The seals up to this number were checked before (an incremental check): only later ones are.</param>
    public static async Task CheckAsync(LuoshiDb db, int unit, List<RecordSeal> seals, IReadOnlyDictionary<long, string> hashes, ChainMark? lastSm3, List<BrokenEntry> broken,
        CancellationToken ct, long after = 0)
    {
        var key = await db.UnitSigningKeys.AsNoTracking().Where(k => k.UnitId == unit).Select(k => k.PublicKey).FirstOrDefaultAsync(ct);
        foreach (var seal in seals)
        {
            var what = key is null ? "单位签名公钥已不在，无法核对这次封存的 SM2 签名（公钥被删除）"
                : !UnitSigner.Verify(key, RecordSeal.Message(unit, seal.Seq, seal.Hash), seal.Signature) ? "链尾的 SM2 签名不符：所签链尾被改动，或不是本单位密钥所签"
                : !hashes.TryGetValue(seal.Seq, out var hash) ? $"已签名的链尾第 {seal.Seq} 条已不在链上（被删除）"
                : hash != seal.Hash ? $"第 {seal.Seq} 条的哈希与已签名的链尾不符：链在这一条或之前被改写"
                : null;
            if (what is not null)
            {
                broken.Add(new BrokenEntry(unit, seal.Seq, "seal", $"seal:{seal.Seq}", what));
            }
        }

        var signedTo = seals.Count > 0 ? seals[^1].Seq
            : after > 0 ? await db.RecordSeals.AsNoTracking().Where(s => s.UnitId == unit).MaxAsync(s => (long?)s.Seq, ct) ?? 0 : 0;
        if (lastSm3 is { } last && last.Seq > signedTo)
        {
            broken.Add(new BrokenEntry(unit, last.Seq, last.Kind, last.EntityKey,
                $"第 {signedTo + 1} 条至第 {last.Seq} 条（SM3）不在任何 SM2 签名的链尾之下：签名被删除，或封存时未签名"));
        }
    }
}
