using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Publication;

/// <summary>
/// A task the office has made a public commitment (公开承诺), with the words the public reads. Kept
/// apart from the task: the task's own title, people and problems stay internal, and reach an edition
/// only through a flag the office sets here.
/// </summary>
internal sealed class PublicCommitment
{
    public int UnitId { get; set; }
    public int TaskId { get; set; }

    /// <summary>The title the public reads; null until the office writes one (or chooses the task's own).</summary>
    public string? PublicTitle { get; set; }

    public string? Narrative { get; set; }

    /// <summary>领域: how the public page groups and filters (科技创新, 科学普及 …).</summary>
    public string? Area { get; set; }

    /// <summary>Publish the task's internal title instead of <see cref="PublicTitle"/>.</summary>
    public bool UseTaskTitle { get; set; }

    /// <summary>Publish the lead section's name (牵头科室).</summary>
    public bool ShowLeadSection { get; set; }

    /// <summary>Publish the responsible person's name (责任人).</summary>
    public bool ShowResponsible { get; set; }

    /// <summary>Publish the 存在问题 of the latest progress report.</summary>
    public bool ShowProblems { get; set; }

    public int UpdatedById { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class PublicCommitmentConfiguration : IEntityTypeConfiguration<PublicCommitment>
{
    public void Configure(EntityTypeBuilder<PublicCommitment> e)
    {
        e.HasKey(c => c.TaskId);
        e.Property(c => c.PublicTitle).HasMaxLength(PublicLimits.Title);
        e.Property(c => c.Narrative).HasMaxLength(PublicLimits.Narrative);
        e.Property(c => c.Area).HasMaxLength(PublicLimits.Area);
        e.HasIndex(c => c.UnitId);
        e.HasOne<WorkTask>().WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(c => c.UpdatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The sizes of the public words, shared by the forms, the API and the columns.</summary>
internal static class PublicLimits
{
    public const int Title = 200;
    public const int Narrative = 1000;
    public const int Area = 20;
    public const int Note = 200;
}
