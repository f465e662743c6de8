using System.Globalization;

namespace Luoshi.Features.Assessment;

/// <summary>考核方案: how one period of a unit is scored. The office edits it until it is locked;
/// a locked scheme, its grades and its adjustments never change, so recomputing gives the same result.</summary>
internal sealed class AssessmentScheme
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public required string Name { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }

    // The three parts of the 100 base points.
    public int CompletionWeight { get; set; } = 40;
    public int TimelinessWeight { get; set; } = 30;
    public int QualityWeight { get; set; } = 30;

    /// <summary>Timeliness credit of an extended task that is not overdue (an on-time task gets 1, an overdue one 0).</summary>
    public decimal ExtendedFactor { get; set; } = 0.8m;

    // Automatic deductions, taken from each task's history.
    public decimal UrgePoints { get; set; } = 0.5m;
    public decimal SupervisePoints { get; set; } = 1m;
    public decimal OverduePointsPerDay { get; set; } = 0.1m;
    public decimal OverdueCapPerTask { get; set; } = 3m;
    public decimal RefusedCompletionPoints { get; set; } = 1m;

    /// <summary>The lead section's share of a task's credit and deductions; the rest is split evenly among
    /// the cooperating sections. A task without cooperating sections is the lead section's alone.</summary>
    public decimal LeadShare { get; set; } = 0.7m;

    /// <summary>扣完为止: deductions and penalties take a score down to this floor and no further; the
    /// points beyond it stay traced (<see cref="Score.BeyondFloor"/>). Bonus points count on top.</summary>
    public decimal ScoreFloor { get; set; }

    /// <summary>The most one bonus or penalty entry (加分/扣分) may carry.</summary>
    public decimal MaxAdjustment { get; set; } = 5m;

    /// <summary>Quality grades and their factors, in order, written as "优=1,良=0.8,中=0.6,差=0.3".</summary>
    public string Grades { get; set; } = DefaultGrades;

    /// <summary>The grade an ungraded task counts with.</summary>
    public string DefaultGrade { get; set; } = "良";

    public bool IsLocked { get; set; }
    public DateTime? LockedAt { get; set; }
    public int? LockedById { get; set; }

    /// <summary>The result as computed when the scheme was locked (JSON). From then on the scheme shows
    /// this and nothing else, so no later edit of a task can move a closed period's scores.</summary>
    public string? LockedResult { get; set; }
    public int CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }

    public const string DefaultGrades = "优=1,良=0.8,中=0.6,差=0.3";

    /// <summary>The grades in order with their factors; null when the text cannot be read.</summary>
    public static IReadOnlyList<(string Grade, decimal Factor)>? ParseGrades(string? text)
    {
        var grades = new List<(string, decimal)>();
        foreach (var part in (text ?? "").Split([',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || pair[0].Length is 0 or > 10 || grades.Any(g => g.Item1 == pair[0])
                || !decimal.TryParse(pair[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var factor) || factor is < 0 or > 1)
            {
                return null;
            }

            grades.Add((pair[0], factor));
        }

        return grades.Count == 0 ? null : grades;
    }

    public IReadOnlyList<(string Grade, decimal Factor)> GradeList => ParseGrades(Grades) ?? [];
}
