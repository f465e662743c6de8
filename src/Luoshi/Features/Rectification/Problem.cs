using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Rectification;

/// <summary>A problem on the list (问题清单), merged from one or more opinions. It is closed when
/// every one of its measures is done (销号 through the office's completion review); that is
/// computed from the measures, never stored, so it cannot disagree with them.</summary>
internal sealed class Problem
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int SortOrder { get; set; }
    public required string Title { get; set; }
    public required string Category { get; set; }

    /// <summary>责任领导.</summary>
    public int LeaderId { get; set; }

    public DateTime CreatedAt { get; set; }
    public int CreatedById { get; set; }
}

/// <summary>A rectification measure's own fields: the work item itself is a
/// <see cref="Tasks.WorkTask"/> of kind Rectification.</summary>
internal sealed class RectificationMeasure
{
    public int TaskId { get; set; }
    public int UnitId { get; set; }
    public int ProblemId { get; set; }
}

internal sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> e)
    {
        e.Property(p => p.Title).HasMaxLength(500);
        e.Property(p => p.Category).HasMaxLength(50);
        e.HasIndex(p => new { p.UnitId, p.SortOrder });
        e.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(p => p.LeaderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RectificationMeasureConfiguration : IEntityTypeConfiguration<RectificationMeasure>
{
    public void Configure(EntityTypeBuilder<RectificationMeasure> e)
    {
        e.HasKey(m => m.TaskId);
        e.HasIndex(m => new { m.UnitId, m.ProblemId });
        e.HasOne<WorkTask>().WithOne().HasForeignKey<RectificationMeasure>(m => m.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Problem>().WithMany().HasForeignKey(m => m.ProblemId).OnDelete(DeleteBehavior.Restrict);
    }
}
