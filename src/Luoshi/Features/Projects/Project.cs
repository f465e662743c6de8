using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Projects;

/// <summary>What a key project (重点项目) adds to its <see cref="WorkTask"/>: one row per task.</summary>
internal sealed class ProjectDetails
{
    public int TaskId { get; set; }
    public int UnitId { get; set; }
    public required string Investor { get; set; }

    /// <summary>投资额, in 万元; shown and summed in memory, never compared in the database.</summary>
    public decimal Amount { get; set; }

    public required string Industry { get; set; }
}

/// <summary>A stage the project reached, dated, with what proves it. Only ever appended.</summary>
internal sealed class ProjectStage
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }

    /// <summary>Position in <see cref="ProjectStages.Names"/>: 0 意向 … 4 投产/竣工.</summary>
    public int StageIndex { get; set; }

    public DateOnly ReachedOn { get; set; }

    /// <summary>Days since the previous stage was reached (null for 意向), kept so the funnel's
    /// medians are a GROUP BY in the database.</summary>
    public int? DaysFromPrevious { get; set; }

    public required string Evidence { get; set; }
    public int RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal static class ProjectStages
{
    public static IReadOnlyList<string> Names => WorkKinds.All[WorkKind.Project].Stages;

    public static int IndexOf(string? stage) => stage is null ? -1 : Names.ToList().IndexOf(stage);
}

internal sealed class ProjectDetailsConfiguration : IEntityTypeConfiguration<ProjectDetails>
{
    public void Configure(EntityTypeBuilder<ProjectDetails> e)
    {
        e.HasKey(p => p.TaskId);
        e.Property(p => p.Investor).HasMaxLength(200);
        e.Property(p => p.Industry).HasMaxLength(100);
        e.Property(p => p.Amount).HasPrecision(18, 2);
        e.HasIndex(p => new { p.UnitId, p.TaskId });
        e.HasOne<WorkTask>().WithOne().HasForeignKey<ProjectDetails>(p => p.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The projects' own index on the task table, declared here because only the funnel uses it.</summary>
internal sealed class ProjectTaskIndexConfiguration : IEntityTypeConfiguration<WorkTask>
{
    // The funnel's breakdown groups projects by section, person and stage: a partial index over the
    // projects alone (Kind 2) lets PostgreSQL answer it from the index without reading task rows.
    public void Configure(EntityTypeBuilder<WorkTask> e) =>
        e.HasIndex(t => new { t.UnitId, t.LeadSectionId, t.ResponsiblePersonId, t.Stage }, "IX_Tasks_Projects").HasFilter($"\"Kind\" = {(int)WorkKind.Project}");
}

internal sealed class ProjectStageConfiguration : IEntityTypeConfiguration<ProjectStage>
{
    public void Configure(EntityTypeBuilder<ProjectStage> e)
    {
        e.Property(s => s.Evidence).HasMaxLength(1000);
        e.HasIndex(s => new { s.UnitId, s.TaskId, s.StageIndex }).IsUnique();
        e.HasIndex(s => new { s.UnitId, s.StageIndex, s.DaysFromPrevious });
        e.HasOne<WorkTask>().WithMany().HasForeignKey(s => s.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(s => s.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}
