using Luoshi.Features.Plans;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Campaigns;

/// <summary>A campaign (e.g. 主题教育) run in phases; its tasks are work tasks of its own work plan,
/// each tied to one phase.</summary>
internal sealed class Campaign
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public required string Title { get; set; }
    public int WorkPlanId { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<CampaignPhase> Phases { get; set; } = [];
}

/// <summary>A phase (学习教育, 调查研究, 检视整改, 总结评估 …) with its dates, both inclusive.</summary>
internal sealed class CampaignPhase
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int CampaignId { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
}

internal sealed class PhaseTask
{
    public int UnitId { get; set; }
    public int PhaseId { get; set; }
    public int TaskId { get; set; }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> e)
    {
        e.Property(c => c.Title).HasMaxLength(200);
        e.HasIndex(c => c.UnitId);
        e.HasOne<Plan>().WithMany().HasForeignKey(c => c.WorkPlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(c => c.Phases).WithOne().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CampaignPhaseConfiguration : IEntityTypeConfiguration<CampaignPhase>
{
    public void Configure(EntityTypeBuilder<CampaignPhase> e)
    {
        e.Property(p => p.Name).HasMaxLength(100);
        e.HasIndex(p => new { p.UnitId, p.CampaignId });
    }
}

internal sealed class PhaseTaskConfiguration : IEntityTypeConfiguration<PhaseTask>
{
    public void Configure(EntityTypeBuilder<PhaseTask> e)
    {
        e.HasKey(p => new { p.UnitId, p.PhaseId, p.TaskId });
        e.HasIndex(p => new { p.UnitId, p.TaskId }).IsUnique();
        e.HasOne<CampaignPhase>().WithMany().HasForeignKey(p => p.PhaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WorkTask>().WithMany().HasForeignKey(p => p.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
