using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Luoshi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Luoshi.Features.Record;

/// <summary>
/// Appending to a unit's tamper-evident record. A feature calls <see cref="Append"/> beside the change
/// it records, before its <c>SaveChangesAsync</c>; that save then writes the row and, in the same
/// transaction, the entry with the row's content as the database holds it (with its new id) and the
/// content's hash. So the row and its entry are saved together or not at all. Linking the entry into the
/// chain (its number and hashes) is left to <see cref="RecordSealer"/>, a few seconds later: a link
/// needs the unit's chain end, and holding that lock until every report's commit would let only one
/// report of a bureau be saved at a time.
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
            || tracker.Entries<RecordHead>().Any(e => e.State is EntityState.Modified or EntityState.Deleted or EntityState.Added)
            || tracker.Entries<RecordSeal>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("留痕记录只能追加，不能修改或删除。");
        }

        var pending = tracker.Entries<RecordEntry>().Where(e => e.State == EntityState.Added && e.Entity.Source is not null).ToList();
        pending.ForEach(e => e.State = EntityState.Detached);
        return [.. pending.Select(e => e.Entity)];
    }

    /// <summary>Writes the pending entries, with their content and its hash, inside the save's transaction,
    /// after the recorded rows are written. They are sealed into the chain later.</summary>
    internal static async Task WriteAsync(LuoshiDb db, List<RecordEntry> pending, RecordHashing hashing, CancellationToken ct)
    {
        // One read per kind and unit, however many rows of it the save wrote (a batch of reports).
        foreach (var group in pending.GroupBy(e => (Source: RecordedSources.For(e.Source!), e.UnitId)))
        {
            var source = group.Key.Source;
            var contents = await source.ContentsAsync(db, group.Key.UnitId, [.. group.Select(e => source.IdOf(e.Source!)!.Value).Distinct()], ct);
            foreach (var entry in group)
            {
                var id = source.IdOf(entry.Source!)!.Value;
                entry.EntityKey = source.Key(id);
                entry.Content = contents[id];
                entry.Hashing = hashing;
                entry.ContentHash = Hash(hashing, entry.Content);
                entry.Source = null;
            }
        }

        // Added in the order they were appended: within a save, the record keeps the order of the actions.
        pending.ForEach(e => db.RecordEntries.Add(e));

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The entry's own hash: its place in the chain, the content's hash and who did what when.</summary>
    public static string HashOf(RecordEntry e) => Hash(e.Hashing, string.Join('\n',
        e.PreviousHash, e.ContentHash, e.UnitId.ToString(CultureInfo.InvariantCulture), e.Seq?.ToString(CultureInfo.InvariantCulture),
        e.Kind, e.EntityKey, e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), e.ActorId?.ToString(CultureInfo.InvariantCulture) ?? ""));

    /// <summary>The content's hash by the entry's own algorithm.</summary>
    public static string ContentHashOf(RecordEntry e) => Hash(e.Hashing, e.Content);

    public static string Hash(RecordHashing hashing, string text) => hashing == RecordHashing.Sm3 ? Crypto.Sm3.Hex(text) : Sha256(text);

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
