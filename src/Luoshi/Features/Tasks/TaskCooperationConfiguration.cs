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
        e.HasOne<Section>().WithMany().HasForeignKey(c => c.SectionId).OnDelete(DeleteBehavior.Restrict);
    }
}
