using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Record;

internal enum RecordCheckState
{
    Queued = 0,
    Running = 1,
    Intact = 2,
    Broken = 3,
}

/// <summary>
/// A full re-check of a unit's record from its first entry, queued by the office and run by
/// <see cref="RecordFullCheckJob"/>: how far it has come, and what it found (the first break, with the
/// entry's id and what differed). One waiting or running check per unit (a unique index).
/// </summary>
internal sealed class RecordCheck
{
    public const int MaxWhat = 2000;

    public long Id { get; set; }
    public int UnitId { get; set; }
    public RecordCheckState State { get; set; }
    public int? QueuedById { get; set; }
    public DateTime QueuedAt { get; set; }
    public DateTime? StartedAt { get; set; }

    /// <summary>Moved on by the running check; a check whose heartbeat stopped (its instance died) is taken up again.</summary>
    public DateTime? HeartbeatAt { get; set; }

    public DateTime? FinishedAt { get; set; }
    public long Done { get; set; }
    public long Total { get; set; }
    public int BrokenCount { get; set; }
    public long? FirstSeq { get; set; }
    public long? FirstEntryId { get; set; }
    public string? FirstKind { get; set; }
    public string? FirstEntityKey { get; set; }
    public string? FirstWhat { get; set; }

    public bool Finished => State >= RecordCheckState.Intact;
}

internal sealed class RecordCheckConfiguration : IEntityTypeConfiguration<RecordCheck>
{
    public void Configure(EntityTypeBuilder<RecordCheck> e)
    {
        e.ToTable("RecordChecks");
        e.Property(c => c.FirstKind).HasMaxLength(40);
        e.Property(c => c.FirstEntityKey).HasMaxLength(100);
        e.Property(c => c.FirstWhat).HasMaxLength(RecordCheck.MaxWhat);
        // Queued or running: a second request while one waits is shown the one waiting.
        e.HasIndex(c => c.UnitId, "IX_RecordChecks_Pending").IsUnique().HasFilter("\"State\" < 2");
        e.HasIndex(c => new { c.UnitId, c.Id });
        e.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
