using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Record;

/// <summary>
/// Seals written entries into their unit's chain, in the order they were written: each gets the next
/// number, the previous entry's hash and its own hash, and the chain end moves on. Runs from the
/// scheduler every few seconds. The head row's lock makes two sealers (two instances) take turns; the
/// lock is held for one short transaction per unit, not across anybody's report.
/// </summary>
internal static class RecordSealer
{
    /// <param name="signer">With 国密 on, each seal's chain end is signed with the unit's SM2 key in the
    /// seal's transaction (<see cref="RecordSeal"/>).</param>
    public static async Task<int> SealAllAsync(LuoshiDb db, UnitSigner? signer = null, CancellationToken ct = default)
    {
        var units = await db.RecordEntries.Where(e => e.Seq == null).Select(e => e.UnitId).Distinct().ToListAsync(ct);
        var sealedCount = 0;
        foreach (var unit in units)
        {
            sealedCount += await SealAsync(db, unit, signer, ct);
        }

        return sealedCount;
    }

    public static async Task<int> SealAsync(LuoshiDb db, int unitId, UnitSigner? signer = null, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "RecordHeads" ("UnitId", "Seq", "Hash") VALUES ({unitId}, 0, {RecordChain.Genesis}) ON CONFLICT ("UnitId") DO NOTHING""", ct);
        // An UPDATE that changes nothing still takes the row's lock until the transaction ends.
        var head = (await db.RecordHeads.FromSql($"""UPDATE "RecordHeads" SET "Seq" = "Seq" WHERE "UnitId" = {unitId} RETURNING "UnitId", "Seq", "Hash" """).IgnoreQueryFilters([UnitKeys.FilterName]).AsNoTracking().ToListAsync(ct)).Single();
        var pending = await db.RecordEntries.AsNoTracking().Where(e => e.UnitId == unitId && e.Seq == null).OrderBy(e => e.Id).Take(5000).ToListAsync(ct);
        var (seq, previous) = (head.Seq, head.Hash);
        foreach (var entry in pending)
        {
            entry.Seq = ++seq;
            entry.PreviousHash = previous;
            entry.Hash = RecordChain.HashOf(entry);
            previous = entry.Hash;
            await db.RecordEntries.Where(e => e.Id == entry.Id && e.Seq == null).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Seq, entry.Seq).SetProperty(e => e.PreviousHash, entry.PreviousHash).SetProperty(e => e.Hash, entry.Hash), ct);
        }

        await db.RecordHeads.Where(h => h.UnitId == unitId).ExecuteUpdateAsync(s => s.SetProperty(h => h.Seq, seq).SetProperty(h => h.Hash, previous), ct);
        if (signer is { Enabled: true } && pending.Count > 0)
        {
            db.RecordSeals.Add(await signer.SealAsync(db, unitId, seq, previous, ct));
            await db.SaveChangesAsync(ct);
        }

        await RecordStarts.NoteAsync(db, unitId, pending, ct);
        await transaction.CommitAsync(ct);
        return pending.Count;
    }
}
