using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Tasks;

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> e)
    {
        e.Property(m => m.Title).HasMaxLength(300);
        e.Property(m => m.Deliverable).HasMaxLength(500);
        // Open milestones by date: "due in the next 14 days" walks this in order and stops at 20.
        e.HasIndex(m => new { m.UnitId, m.DueDate }).HasFilter("\"CompletedOn\" IS NULL").HasDatabaseName("IX_Milestones_Open");
        e.HasIndex(m => new { m.UnitId, m.TaskId });
    }
}
