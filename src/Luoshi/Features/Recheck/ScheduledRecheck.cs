using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Recheck;

internal enum RecheckResult
{
    Pending = 0,

    /// <summary>通过: the original stays closed.</summary>
    Passed = 1,

    /// <summary>未通过: the original is reopened with a new due date.</summary>
    Failed = 2,
}

/// <summary>
/// 回头看: the office schedules a re-check of a closed (销号) task or rectification measure for a
/// day; on that day the daily job makes the re-check a work item of its own (<see cref="RecheckTaskId"/>,
/// kind <see cref="WorkKind.Recheck"/>) for the original's lead section; the office then concludes it
/// once: 通过, or 未通过 with findings, which reopens the original.
/// </summary>
internal sealed class ScheduledRecheck
{
    public const int MaxText = 1000;

    public int Id { get; set; }
    public int UnitId { get; set; }
    public int OriginalTaskId { get; set; }

    /// <summary>The day the re-check starts (the job creates its work item on or after it).</summary>
    public DateOnly ScheduledFor { get; set; }

    /// <summary>What to check (查什么).</summary>
    public required string What { get; set; }

    public int ScheduledById { get; set; }
    public DateTime ScheduledAt { get; set; }

    public int? RecheckTaskId { get; set; }
    public DateOnly? StartedOn { get; set; }

    public RecheckResult Result { get; set; }
    public string? Findings { get; set; }

    /// <summary>The original's new due date when the re-check failed.</summary>
    public DateOnly? ReopenedDueDate { get; set; }

    public int? ConcludedById { get; set; }
    public DateTime? ConcludedAt { get; set; }
}

internal sealed class ScheduledRecheckConfiguration : IEntityTypeConfiguration<ScheduledRecheck>
{
    public void Configure(EntityTypeBuilder<ScheduledRecheck> e)
    {
        e.ToTable("Rechecks");
        e.Property(r => r.What).HasMaxLength(ScheduledRecheck.MaxText);
        e.Property(r => r.Findings).HasMaxLength(ScheduledRecheck.MaxText);
        e.HasOne<WorkTask>().WithMany().HasForeignKey(r => r.OriginalTaskId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WorkTask>().WithMany().HasForeignKey(r => r.RecheckTaskId).OnDelete(DeleteBehavior.Restrict);

        // One open re-check per task, and one work item per re-check, whatever the code above does.
        e.HasIndex(r => new { r.UnitId, r.OriginalTaskId }, "IX_Rechecks_OneOpenPerTask").IsUnique().HasFilter("\"Result\" = 0");
        e.HasIndex(r => new { r.UnitId, r.RecheckTaskId }).IsUnique();

        // The task page's look-up of a task's re-checks, whatever their result (the index above holds open ones only).
        e.HasIndex(r => new { r.UnitId, r.OriginalTaskId, r.Id });

        // The job's look-up: what is due and not yet started.
        e.HasIndex(r => new { r.UnitId, r.ScheduledFor });

        // A conclusion is saved only while the re-check is still pending (UPDATE … WHERE "Result" = 0),
        // and its work item only while none was made.
        e.Property(r => r.Result).IsConcurrencyToken();
        e.Property(r => r.RecheckTaskId).IsConcurrencyToken();
    }
}

internal static class RecheckResultNames
{
    public static string Chinese(this RecheckResult result) => result switch
    {
        RecheckResult.Passed => "通过",
        RecheckResult.Failed => "未通过",
        _ => "待结论",
    };
}
