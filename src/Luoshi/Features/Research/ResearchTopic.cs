using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Research;

/// <summary>What a research topic (调研课题) adds to its <see cref="WorkTask"/>: one row per task. The
/// leading leader, lead and cooperating sections, report due date (a milestone) and closing date are
/// the task's own.</summary>
internal sealed class ResearchTopic
{
    public int TaskId { get; set; }
    public int UnitId { get; set; }

    /// <summary>调研的问题.</summary>
    public required string Questions { get; set; }

    /// <summary>拟走访的单位和地点.</summary>
    public required string Places { get; set; }

    public DateOnly ReportDue { get; set; }

    /// <summary>办结: set once every finding's task is done.</summary>
    public DateTime? ClosedAt { get; set; }
}

internal static class ResearchStages
{
    public static IReadOnlyList<string> Names => WorkKinds.All[WorkKind.Research].Stages;

    public static string Set => Names[0];
    public static string Field => Names[1];
    public static string Report => Names[2];
    public static string Use => Names[3];

    /// <summary>The milestone the report due date becomes, so a late report lights the topic red.</summary>
    public const string ReportMilestone = "提交调研报告";

    public static int IndexOf(string? stage) => stage is null ? -1 : Names.ToList().IndexOf(stage);

    /// <summary>Stages only move forward: a second visit does not take a topic back from 形成报告.</summary>
    public static void MoveTo(WorkTask task, string stage)
    {
        if (IndexOf(stage) > IndexOf(task.Stage))
        {
            task.Stage = stage;
        }
    }
}

internal sealed class ResearchTopicConfiguration : IEntityTypeConfiguration<ResearchTopic>
{
    public void Configure(EntityTypeBuilder<ResearchTopic> e)
    {
        e.HasKey(t => t.TaskId);
        e.Property(t => t.Questions).HasMaxLength(4000);
        e.Property(t => t.Places).HasMaxLength(2000);
        e.HasIndex(t => new { t.UnitId, t.TaskId });
        e.HasOne<WorkTask>().WithOne().HasForeignKey<ResearchTopic>(t => t.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A visit or talk (走访、座谈) of the field work, with an optional file as evidence. Only ever appended.</summary>
internal sealed class ResearchVisit
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public DateOnly VisitedOn { get; set; }
    public required string Place { get; set; }
    public required string PeopleMet { get; set; }
    public required string Notes { get; set; }
    public ResearchFile File { get; set; } = new();
    public int RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>A file kept through the evidence store (checked by the evidence rules: size, type, content),
/// with the SHA-256 taken at upload so an altered file is not served; all null when there is none.
/// Stored as columns of its row (an EF complex type).</summary>
internal sealed class ResearchFile
{
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? Size { get; set; }
    public string? Sha256 { get; set; }
    public string? StorageKey { get; set; }

    public bool Exists => StorageKey is not null;
}

internal enum ReportStatus
{
    Submitted = 0,
    Returned = 1,
    Accepted = 2,
}

/// <summary>One version of the research report (v1, v2 …): a file or written text. A returned version
/// stays with its comment; the next upload is a new version.</summary>
internal sealed class ResearchReport
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public int Version { get; set; }
    public string? Text { get; set; }
    public ResearchFile File { get; set; } = new();
    public ReportStatus Status { get; set; }
    public int SubmittedById { get; set; }
    public DateTime SubmittedAt { get; set; }
    public int? DecidedById { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? Comment { get; set; }
}

/// <summary>A finding (成果) of the accepted report, and the task it became.</summary>
internal sealed class ResearchFinding
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public long ReportId { get; set; }

    /// <summary>第N条, from 1.</summary>
    public int Number { get; set; }

    public required string Text { get; set; }

    /// <summary>The task the finding became (成果转化), in a plan of the office's choosing.</summary>
    public int? ResultTaskId { get; set; }

    public int EnteredById { get; set; }
    public DateTime EnteredAt { get; set; }
}

internal static class ResearchFileMapping
{
    public static void Map(ComplexPropertyBuilder<ResearchFile> f)
    {
        f.Ignore(x => x.Exists);
        f.Property(x => x.FileName).HasMaxLength(255);
        f.Property(x => x.ContentType).HasMaxLength(200);
        f.Property(x => x.Sha256).HasMaxLength(64);
        f.Property(x => x.StorageKey).HasMaxLength(200);
    }
}

internal sealed class ResearchVisitConfiguration : IEntityTypeConfiguration<ResearchVisit>
{
    public void Configure(EntityTypeBuilder<ResearchVisit> e)
    {
        e.Property(v => v.Place).HasMaxLength(300);
        e.Property(v => v.PeopleMet).HasMaxLength(500);
        e.Property(v => v.Notes).HasMaxLength(4000);
        e.ComplexProperty(v => v.File, ResearchFileMapping.Map);
        e.HasOne<WorkTask>().WithMany().HasForeignKey(v => v.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(v => v.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResearchReportConfiguration : IEntityTypeConfiguration<ResearchReport>
{
    public void Configure(EntityTypeBuilder<ResearchReport> e)
    {
        e.Property(r => r.Text).HasMaxLength(20000);
        e.Property(r => r.Comment).HasMaxLength(2000);
        e.ComplexProperty(r => r.File, ResearchFileMapping.Map);
        // Two uploads at once cannot both be v2.
        e.HasIndex(r => new { r.UnitId, r.TaskId, r.Version }).IsUnique();
        e.HasOne<WorkTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(r => r.SubmittedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResearchFindingConfiguration : IEntityTypeConfiguration<ResearchFinding>
{
    public void Configure(EntityTypeBuilder<ResearchFinding> e)
    {
        e.Property(f => f.Text).HasMaxLength(1000);
        e.HasIndex(f => new { f.UnitId, f.TaskId, f.Number }).IsUnique();
        // A finding becomes one task, and a task comes from one finding.
        e.HasIndex(f => new { f.UnitId, f.ResultTaskId }).IsUnique().HasFilter("\"ResultTaskId\" IS NOT NULL");
        e.HasOne<WorkTask>().WithMany().HasForeignKey(f => f.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ResearchReport>().WithMany().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WorkTask>().WithMany().HasForeignKey(f => f.ResultTaskId).OnDelete(DeleteBehavior.Restrict);
    }
}
