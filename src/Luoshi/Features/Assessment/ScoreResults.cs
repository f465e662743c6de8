namespace Luoshi.Features.Assessment;

internal enum Timeliness
{
    OnTime,
    Extended,
    Overdue,
}

/// <summary>One automatic deduction, traced to its task, cause and day. <c>Points</c> is this party's part
/// of <c>FullPoints</c> (the lead section's share, a cooperating section's share, or all of it for a person).</summary>
internal sealed record Deduction(int TaskId, string Task, string Cause, DateOnly On, decimal FullPoints, decimal Points);

/// <summary>How one task counts for one party.</summary>
internal sealed record TaskScore(int TaskId, string Title, bool IsLead, decimal Weight, bool Done, Timeliness Timeliness, int OverdueDays, string Grade);

internal sealed record Score(
    int Id,
    string Name,
    int Tasks,
    decimal CompletionRate,
    decimal TimelinessRate,
    decimal QualityRate,
    decimal Base,
    decimal Deducted,
    decimal Bonus,
    decimal Penalty,
    decimal Total,
    int Rank,
    IReadOnlyList<TaskScore> TaskScores,
    IReadOnlyList<Deduction> Deductions,
    IReadOnlyList<AdjustmentEntry> Adjustments)
{
    /// <summary>Points deducted past the scheme's floor (扣完为止): traced, not counted.</summary>
    public decimal BeyondFloor { get; init; }
}

/// <summary>A 加分 or 扣分 as a score and the API show it: the row without its unit and scheme.</summary>
internal sealed record AdjustmentEntry(long Id, int? SectionId, int? PersonId, decimal Points, string Reason, int GivenById, DateTime GivenAt)
{
    public static AdjustmentEntry From(ScoreAdjustment a) => new(a.Id, a.SectionId, a.PersonId, a.Points, a.Reason, a.GivenById, a.GivenAt);
}

internal sealed record AssessmentResult(DateOnly AsOf, IReadOnlyList<Score> Sections, IReadOnlyList<Score> People);

internal static class TimelinessNames
{
    public static string Chinese(this Timeliness t) => t switch
    {
        Timeliness.OnTime => "按时",
        Timeliness.Extended => "延期",
        _ => "逾期",
    };
}
