using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Supervision;

internal sealed class EscalationStepConfiguration : IEntityTypeConfiguration<EscalationStep>
{
    public void Configure(EntityTypeBuilder<EscalationStep> e)
    {
        e.Property(x => x.Facts).HasMaxLength(2000);
        e.HasIndex(x => new { x.UnitId, x.TaskId, x.Deadline, x.DueOn, x.Step }).IsUnique();
        e.HasIndex(x => new { x.UnitId, x.Year, x.Sequence }).IsUnique();
        e.Property(x => x.Message).HasMaxLength(SupervisionOptions.MaxText);
        // The 督办台账: a unit's sheets, newest first.
        e.HasIndex(x => new { x.UnitId, x.Step, x.Id });
        e.Property(x => x.State).IsConcurrencyToken();
        e.HasOne<WorkTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        // Configured from this side: the inbox keeps only the step's id and knows nothing of Supervision.
        e.HasMany(x => x.Notices).WithOne().HasForeignKey(n => n.StepId).OnDelete(DeleteBehavior.Cascade);
    }
}
