using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Events;

/// <summary>An event (活动): 科技活动周, 科普日, 学术年会, 专家进村 … Held when its actual participation is recorded.</summary>
internal sealed class BureauEvent
{
    public int Id { get; set; }
    public int UnitId { get; set; }

    /// <summary>The task whose quantitative target the event counts toward (e.g. 组织科普活动 50 场).</summary>
    public int? TaskId { get; set; }

    public required string Title { get; set; }
    public required string Kind { get; set; }
    public DateOnly Date { get; set; }
    public required string Place { get; set; }
    public int OrganiserSectionId { get; set; }
    public string? Partners { get; set; }
    public int? TargetParticipants { get; set; }
    public int? ActualParticipants { get; set; }
    public int CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class BureauEventConfiguration : IEntityTypeConfiguration<BureauEvent>
{
    public void Configure(EntityTypeBuilder<BureauEvent> e)
    {
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Kind).HasMaxLength(50);
        e.Property(x => x.Place).HasMaxLength(200);
        e.Property(x => x.Partners).HasMaxLength(500);
        e.HasIndex(x => new { x.UnitId, x.Date });
        e.HasIndex(x => new { x.UnitId, x.TaskId });
        e.HasOne<WorkTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Section>().WithMany().HasForeignKey(x => x.OrganiserSectionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
