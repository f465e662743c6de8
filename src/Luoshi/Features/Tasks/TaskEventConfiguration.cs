using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Tasks;

internal sealed class TaskEventConfiguration : IEntityTypeConfiguration<TaskEvent>
{
    public void Configure(EntityTypeBuilder<TaskEvent> e)
    {
        e.Property(h => h.Kind).HasMaxLength(30);
        e.HasIndex(h => new { h.UnitId, h.TaskId, h.At });
        e.HasOne<WorkTask>().WithMany().HasForeignKey(h => h.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
