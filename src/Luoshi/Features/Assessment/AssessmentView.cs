namespace Luoshi.Features.Assessment;

internal sealed record AdjustmentLine(long Id, int? SectionId, int? PersonId, string Target, decimal Points, string Reason, string GivenBy, string GivenAt);

internal sealed record AwardLine(long Id, int? SectionId, int? PersonId, string Target, string Kind, string Reason, string GivenBy, string GivenAt);

/// <summary>One scheme as a page, the API and the workbook show it: results, adjustments and 奖惩 with names,
/// cut to what the viewer may see.</summary>
internal sealed record AssessmentView(AssessmentScheme Scheme, AssessmentResult Result, IReadOnlyList<AdjustmentLine> Adjustments, IReadOnlyList<AwardLine> Awards, IReadOnlyList<Party> Sections, IReadOnlyList<Party> People)
{
    /// <summary>When the result shown was computed, in the bureau's time.</summary>
    public string ComputedAt { get; init; } = "";

    /// <summary>The inputs changed (or the day scored moved) since: a newer result is being computed.</summary>
    public bool Recomputing { get; init; }
}
