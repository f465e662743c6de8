using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Tasks;

internal sealed class TaskCooperationConfiguration : IEntityTypeConfiguration<TaskCooperation>
{
    public void Configure(EntityTypeBuilder<TaskCooperation> e)
    {
        e.HasKey(c => new { c.UnitId, c.TaskId, c.SectionId });
        e.HasIndex(c => new { c.UnitId, c.SectionId });
        // The cooperations of open tasks, for lists of open tasks (TaskAccess): their number stays the size of
        // the open work while the history of done cooperations grows.
        e.HasIndex(c => new { c.UnitId, c.SectionId, c.TaskId }, "IX_TaskCooperations_Open").HasFilter("\"TaskOpen\"");
        // Rows written without naming it (bulk inserts) are of open tasks, as a new cooperation is.
        e.Property(c => c.TaskOpen).HasDefaultValue(true).HasSentinel(true);
        e.HasOne<Section>().WithMany().HasForeignKey(c => c.SectionId).OnDelete(DeleteBehavior.Restrict);
    }
}
