using Luoshi.Data;
using Luoshi.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reviews;

/// <summary>
/// 国密: an issued 督查通报 is signed with the unit's SM2 key over its SM3 hash, its number and its unit,
/// so a file swapped or renumbered after it went out no longer matches; <c>verify</c> checks each
/// signed one (<see cref="CheckAsync"/>, registered as a <see cref="RecordSignatureCheck"/>). Bulletins
/// issued before 国密 was on have no signature and are covered by the record chain alone.
/// </summary>
internal static class BulletinSignatures
{
    public static byte[] Message(IssuedBulletin b) => System.Text.Encoding.UTF8.GetBytes(FormattableString.Invariant(
        $"luoshi-bulletin\n{b.UnitId}\n{b.Year}\n{b.Number}\n{Convert.ToHexStringLower(Crypto.Sm3.Hash(b.Content))}"));

    public static async Task CheckAsync(LuoshiDb db, int? onlyUnit, List<BrokenEntry> broken, CancellationToken ct)
    {
        var keys = await db.UnitSigningKeys.AsNoTracking().Where(k => onlyUnit == null || k.UnitId == onlyUnit).ToDictionaryAsync(k => k.UnitId, k => k.PublicKey, ct);
        var ids = await db.IssuedBulletins.AsNoTracking().Where(b => b.Signature != null && (onlyUnit == null || b.UnitId == onlyUnit))
            .OrderBy(b => b.UnitId).ThenBy(b => b.Id).Select(b => b.Id).ToListAsync(ct);
        // A few at a time: each holds its whole file.
        foreach (var chunk in ids.Chunk(20))
        {
            foreach (var b in await db.IssuedBulletins.AsNoTracking().Where(b => chunk.Contains(b.Id)).OrderBy(b => b.Id).ToListAsync(ct))
            {
                var what = !keys.TryGetValue(b.UnitId, out var key) ? $"督查通报{b.NumberText}有 SM2 签名，但单位签名公钥已不在（公钥被删除）"
                    : !UnitSigner.Verify(key, Message(b), b.Signature!) ? $"督查通报{b.NumberText}的 SM2 签名不符：通报文件、编号或单位在印发后被改动"
                    : null;
                if (what is not null)
                {
                    broken.Add(new BrokenEntry(b.UnitId, null, "bulletin", $"bulletin:{b.Id}", what));
                }
            }
        }
    }
}
