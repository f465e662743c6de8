using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Luoshi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Luoshi.Features.Record;

/// <summary>
/// Appending to a unit's tamper-evident record. A feature calls <see cref="Append"/> beside the change
/// it records, before its <c>SaveChangesAsync</c>; that save then writes the row, and in the same
/// transaction links the entry to the unit's chain. So the row and its entry are saved together or not
/// at all, and the entry's content is the row as the database holds it (with its new id).
/// </summary>
internal static class RecordChain
{
    /// <summary>The previous hash of a unit's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// Records <paramref name="row"/> (a kind listed in <see cref="RecordedSources"/>) as <paramref name="kind"/>,
    /// done by <paramref name="actorId"/> at <paramref name="at"/>. Takes effect in the next SaveChangesAsync of <paramref name="db"/>.
    /// </summary>
    public static void Append(LuoshiDb db, int unitId, string kind, object row, int? actorId, DateTime at)
    {
        _ = RecordedSources.For(row); // an unknown kind of row fails here, where it is named, not at the save
        db.RecordEntries.Add(new RecordEntry { UnitId = unitId, Kind = kind, ActorId = actorId, At = CanonicalJson.Instant(at), Source = row });
    }

    /// <summary>Takes the entries appended since the last save out of the save (their rows' ids are not
    /// known yet), and refuses any change to an entry already written.</summary>
    internal static List<RecordEntry> TakePending(ChangeTracker tracker)
    {
        if (tracker.Entries<RecordEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted)
            || tracker.Entries<RecordHead>().Any(e => e.State is EntityState.Modified or EntityState.Deleted or EntityState.Added))
        {
            throw new InvalidOperationException("留痕记录只能追加，不能修改或删除。");
        }

        var pending = tracker.Entries<RecordEntry>().Where(e => e.State == EntityState.Added && e.Entity.Source is not null).ToList();
        pending.ForEach(e => e.State = EntityState.Detached);
        return [.. pending.Select(e => e.Entity)];
    }

    /// <summary>Links the pending entries to their chains. Runs inside the save's transaction, after the recorded rows are written.</summary>
    internal static async Task SealAsync(LuoshiDb db, List<RecordEntry> pending, CancellationToken ct)
    {
        foreach (var entry in pending)
        {
            var source = RecordedSources.For(entry.Source!);
            var id = source.IdOf(entry.Source!)!.Value;
            entry.EntityKey = source.Key(id);
            entry.Content = (await source.ContentsAsync(db, entry.UnitId, [id], ct))[id];
            entry.ContentHash = Sha256(entry.Content);
            (entry.Seq, entry.PreviousHash) = await AdvanceAsync(db, entry.UnitId, ct);
            entry.Hash = HashOf(entry);
            entry.Source = null;
            await db.RecordHeads.Where(h => h.UnitId == entry.UnitId).ExecuteUpdateAsync(s => s.SetProperty(h => h.Hash, entry.Hash), ct);
            db.RecordEntries.Add(entry);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The entry's own hash: its place in the chain, the content's hash and who did what when.</summary>
    public static string HashOf(RecordEntry e) => Sha256(string.Join('\n',
        e.PreviousHash, e.ContentHash, e.UnitId.ToString(CultureInfo.InvariantCulture), e.Seq.ToString(CultureInfo.InvariantCulture),
        e.Kind, e.EntityKey, e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), e.ActorId?.ToString(CultureInfo.InvariantCulture) ?? ""));

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    // The UPDATE takes the head row's lock until the transaction ends: a second append of the same unit
    // waits here and then reads the new end, so the chain never forks.
    private static async Task<(long Seq, string PreviousHash)> AdvanceAsync(LuoshiDb db, int unitId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "RecordHeads" ("UnitId", "Seq", "Hash") VALUES ({unitId}, 0, {Genesis}) ON CONFLICT ("UnitId") DO NOTHING""", ct);
        var head = (await db.RecordHeads.FromSql($"""UPDATE "RecordHeads" SET "Seq" = "Seq" + 1 WHERE "UnitId" = {unitId} RETURNING "UnitId", "Seq", "Hash" """).AsNoTracking().ToListAsync(ct)).Single();
        return (head.Seq, head.Hash);
    }
}
