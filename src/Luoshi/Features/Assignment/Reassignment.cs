using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Assignment;

/// <summary>
/// 改派: one task moved to another lead section and/or responsible person by the office, after a
/// 退办 or in a bulk move (a person leaves, a section is reorganised). Recorded (tamper-evident):
/// who answers for a task is what the assessment scores.
/// </summary>
internal sealed class Reassignment
{
    public const int MaxReason = 500;

    public long Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public DateTime At { get; set; }
    public int ById { get; set; }
    public int FromSectionId { get; set; }
    public int ToSectionId { get; set; }
    public int? FromPersonId { get; set; }
    public int? ToPersonId { get; set; }
    public required string Reason { get; set; }

    /// <summary>The 退办 this answers, if any.</summary>
    public int? TaskReturnId { get; set; }

    /// <summary>The bulk move this belongs to: the key the confirm page carries, so that pressing
    /// confirm twice moves nothing twice.</summary>
    public Guid? BatchKey { get; set; }
}

internal sealed class ReassignmentConfiguration : IEntityTypeConfiguration<Reassignment>
{
    public void Configure(EntityTypeBuilder<Reassignment> e)
    {
        e.Property(r => r.Reason).HasMaxLength(Reassignment.MaxReason);
        e.HasIndex(r => new { r.UnitId, r.TaskId, r.At });
        // A task once per bulk move (rows without a key are never equal).
        e.HasIndex(r => new { r.UnitId, r.BatchKey, r.TaskId }).IsUnique();
        e.HasOne<WorkTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Restrict);
    }
}
