using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Reports;

/// <summary>
/// 驳回 (退回重报): the office or the task's lead leader sends a progress report back with a reason.
/// The report itself stays as it was submitted (reports are append-only); the return is a row of
/// its own, at most one per report, and from then on the report no longer counts
/// (<see cref="ReportStanding"/>) until the section reports that period again.
/// </summary>
internal sealed class ReportReturn
{
    public const int MaxReason = 1000;

    public long Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public long ReportId { get; set; }

    /// <summary>The section whose report it was, copied so the 待重报 list needs no join to find it.</summary>
    public int SectionId { get; set; }

    public int ReturnedById { get; set; }
    public DateTime ReturnedAt { get; set; }
    public required string Reason { get; set; }
}

internal sealed class ReportReturnConfiguration : IEntityTypeConfiguration<ReportReturn>
{
    public void Configure(EntityTypeBuilder<ReportReturn> e)
    {
        e.Property(r => r.Reason).HasMaxLength(ReportReturn.MaxReason);
        // Once only, whatever the code above it does: a second return of the same report loses here.
        e.HasIndex(r => new { r.UnitId, r.ReportId }).IsUnique();
        e.HasIndex(r => new { r.UnitId, r.SectionId, r.ReturnedAt });
        e.HasIndex(r => new { r.UnitId, r.TaskId });
        e.HasOne<ProgressReport>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WorkTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Restrict);
    }
}
