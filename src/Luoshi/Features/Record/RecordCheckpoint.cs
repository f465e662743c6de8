using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Record;

/// <summary>
/// A point of a unit's chain that a check found intact: who checked, when, up to which entry and its
/// hash. The office's check in a request starts from the furthest one, so it costs what was sealed
/// since, not the whole history. Only written after a check with no break.
/// </summary>
internal sealed class RecordCheckpoint
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public long Seq { get; set; }
    public long? EntryId { get; set; }
    public required string Hash { get; set; }
    public DateTime At { get; set; }
    public int? ByPersonId { get; set; }

    /// <summary>Reached by the full check (<see cref="RecordCheck"/>) rather than the incremental one.</summary>
    public bool Full { get; set; }

    public ChainPoint Point => new(Seq, Hash, EntryId);
}

internal sealed class RecordCheckpointConfiguration : IEntityTypeConfiguration<RecordCheckpoint>
{
    public void Configure(EntityTypeBuilder<RecordCheckpoint> e)
    {
        e.ToTable("RecordCheckpoints");
        e.Property(c => c.Hash).HasMaxLength(64);
        e.HasIndex(c => new { c.UnitId, c.Seq });
        e.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class RecordCheckpoints
{
    /// <summary>The furthest intact point of the unit, or the chain's start.</summary>
    public static async Task<RecordCheckpoint?> LatestAsync(LuoshiDb db, int unitId, CancellationToken ct) =>
        await db.Set<RecordCheckpoint>().AsNoTracking().Where(c => c.UnitId == unitId).OrderByDescending(c => c.Seq).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);

    /// <summary>Keeps where an intact check got to; saved with the caller's next save.</summary>
    public static void Note(LuoshiDb db, int unitId, ChainPoint reached, int? by, DateTime at, bool full) =>
        db.Set<RecordCheckpoint>().Add(new RecordCheckpoint { UnitId = unitId, Seq = reached.Seq, EntryId = reached.EntryId, Hash = reached.Hash, At = at, ByPersonId = by, Full = full });
}
