using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Supervision;

/// <summary>
/// A 督办 the daily run would have issued but held back, because the run would have issued more
/// sheets at once than <see cref="SupervisionOptions.MassSupervisionThreshold"/> (a bureau's first
/// day, a plan loaded with its history). It is the step recorded, without a number and without
/// notices: the run counts it as raised, so it is not raised again nor urged, and the office either
/// confirms the lot (numbered and sent then) or puts it off to the next working day.
/// </summary>
internal sealed class HeldSheet
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public DeadlineKind Deadline { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly HeldOn { get; set; }
    public DateTime HeldAt { get; set; }

    /// <summary>The facts as they stood when the run held it.</summary>
    public required string Facts { get; set; }

    /// <summary>Set by 暂缓: the office is not asked again before this day.</summary>
    public DateOnly? DeferredUntil { get; set; }
}

internal sealed class HeldSheetConfiguration : IEntityTypeConfiguration<HeldSheet>
{
    public void Configure(EntityTypeBuilder<HeldSheet> e)
    {
        e.Property(x => x.Facts).HasMaxLength(2000);
        // The same key as a step's: one held 督办 per deadline.
        e.HasIndex(x => new { x.UnitId, x.TaskId, x.Deadline, x.DueOn }).IsUnique();
        e.HasOne<WorkTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
