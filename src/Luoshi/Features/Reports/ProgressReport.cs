namespace Luoshi.Features.Reports;

/// <summary>
/// A progress report (进展情况). Append-only: a correction is a new report that names the one it
/// corrects, so what was reported is never silently changed.
/// </summary>
internal sealed class ProgressReport
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }

    /// <summary>The reporting section: the lead section, or a cooperating one reporting its part.</summary>
    public int SectionId { get; set; }

    public int AuthorId { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public DateTime SubmittedAt { get; set; }

    /// <summary>Submitted after the period's due date plus grace: accepted, and marked late.</summary>
    public bool IsLate { get; set; }

    public required string Progress { get; set; }
    public int? Percent { get; set; }
    public decimal? AchievedValue { get; set; }
    public string? Problems { get; set; }
    public string? NextSteps { get; set; }
    public bool ClaimsCompletion { get; set; }
    public long? CorrectsId { get; set; }

    public List<Evidence> Evidence { get; set; } = [];
}
