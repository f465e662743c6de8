using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Assessment;

/// <summary>
/// A scheme's result as last computed, so that the page, the API and the workbook read one row instead of
/// every task, extension and completion of the period. <see cref="InputVersion"/> moves in the same
/// transaction as any change of the period's inputs (<see cref="AssessmentInputsInterceptor"/>); the result
/// is current while it was computed from that version and for today's day scored
/// (<see cref="ComputedVersion"/>, <see cref="AsOf"/>), and <see cref="RecomputeJob"/> brings it back in step.
/// A locked scheme shows its frozen result and needs none of this.
/// </summary>
internal sealed class StoredAssessment
{
    public int UnitId { get; set; }
    public int SchemeId { get; set; }

    /// <summary>Moves (+1) with every change of the inputs of the scheme's period.</summary>
    public long InputVersion { get; set; } = 1;

    /// <summary>The <see cref="InputVersion"/> read before the stored result's inputs were read.</summary>
    public long ComputedVersion { get; set; }

    /// <summary>The day the stored result was scored as of: a running period's day scored moves every day.</summary>
    public DateOnly? AsOf { get; set; }

    /// <summary>The <see cref="AssessmentResult"/> as JSON (the same form as a locked scheme's frozen result).</summary>
    public string? Result { get; set; }
    public DateTime? ComputedAt { get; set; }
    public int ComputeMilliseconds { get; set; }

    /// <summary>An instance recomputing the result holds it until then, so two instances do not both do it.</summary>
    public DateTime? ClaimedUntil { get; set; }
}

internal sealed class StoredAssessmentConfiguration : IEntityTypeConfiguration<StoredAssessment>
{
    public void Configure(EntityTypeBuilder<StoredAssessment> e)
    {
        e.HasKey(x => new { x.UnitId, x.SchemeId });
        e.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
    }
}
