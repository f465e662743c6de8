using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Record;

/// <summary>
/// Where a unit's record of one kind of row began: the smallest id of that kind with an entry. Kept
/// apart from the entries and the head, so deleting the whole record (every entry and the head) does
/// not make the unit look like a database from before the record: <c>verify</c> still knows that from
/// this id on every row must have an entry, and that a head belongs to the unit. Written by the sealer in
/// its transaction, and filled at start-up for records sealed before this table existed.
/// </summary>
internal sealed class RecordStart
{
    public int UnitId { get; set; }

    /// <summary>The kind's key prefix (<see cref="RecordedSource.Prefix"/>), "report", "extension", …</summary>
    public required string Kind { get; set; }

    public long FirstId { get; set; }
}

internal sealed class RecordStartConfiguration : IEntityTypeConfiguration<RecordStart>
{
    public void Configure(EntityTypeBuilder<RecordStart> e)
    {
        e.HasKey(s => new { s.UnitId, s.Kind });
        e.Property(s => s.Kind).HasMaxLength(40);
        e.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class RecordStarts
{
    /// <summary>Lowers or adds the start of each kind among the given entries of the unit (call inside
    /// the sealer's transaction).</summary>
    public static async Task NoteAsync(LuoshiDb db, int unitId, IEnumerable<RecordEntry> entries, CancellationToken ct)
    {
        var firsts = FirstIds(entries);
        if (firsts.Count == 0)
        {
            return;
        }

        var known = await db.RecordStarts.Where(s => s.UnitId == unitId).ToDictionaryAsync(s => s.Kind, ct);
        foreach (var (kind, first) in firsts)
        {
            if (!known.TryGetValue(kind, out var start))
            {
                db.RecordStarts.Add(new RecordStart { UnitId = unitId, Kind = kind, FirstId = first });
            }
            else if (first < start.FirstId)
            {
                start.FirstId = first;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Once, after the upgrade that added this table: the starts of units whose record was
    /// sealed before it (the keys of their sealed entries, read one unit at a time).</summary>
    public static async Task FillAsync(LuoshiDb db, CancellationToken ct = default)
    {
        var units = await db.RecordHeads.Select(h => h.UnitId).Where(u => !db.RecordStarts.Any(s => s.UnitId == u)).ToListAsync(ct);
        foreach (var unit in units)
        {
            var keys = await db.RecordEntries.AsNoTracking().Where(e => e.UnitId == unit && e.Seq != null).Select(e => e.EntityKey).ToListAsync(ct);
            await NoteAsync(db, unit, keys.Select(k => new RecordEntry { Kind = "", EntityKey = k }), ct);
        }
    }

    private static Dictionary<string, long> FirstIds(IEnumerable<RecordEntry> entries)
    {
        var firsts = new Dictionary<string, long>();
        foreach (var e in entries)
        {
            if (RecordedSources.ForKey(e.EntityKey) is { } source && RecordCoverage.IdOf(source, e.EntityKey) is { } id
                && (!firsts.TryGetValue(source.Prefix, out var seen) || id < seen))
            {
                firsts[source.Prefix] = id;
            }
        }

        return firsts;
    }
}
