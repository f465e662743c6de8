namespace Luoshi.Features.Assessment;

/// <summary>A reviewer's quality grade of one task in one scheme. Grades are added, never edited:
/// the latest one counts and the earlier ones stay as the record of who graded what when.</summary>
internal sealed class QualityGrade
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int SchemeId { get; set; }
    public int TaskId { get; set; }
    public required string Grade { get; set; }
    public int GivenById { get; set; }
    public DateTime GivenAt { get; set; }
}

/// <summary>加分 or 扣分 for a section or a person, with the reason and who gave it.</summary>
internal sealed class ScoreAdjustment
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int SchemeId { get; set; }
    public int? SectionId { get; set; }
    public int? PersonId { get; set; }

    /// <summary>Positive for 加分, negative for 扣分.</summary>
    public decimal Points { get; set; }

    public required string Reason { get; set; }
    public int GivenById { get; set; }
    public DateTime GivenAt { get; set; }
}

/// <summary>奖惩: a reward or penalty decided on the assessment (表扬, 通报批评, 约谈 ...).</summary>
internal sealed class AssessmentAward
{
    public static readonly string[] Kinds = ["表扬", "通报表扬", "评优评先", "通报批评", "约谈", "诫勉谈话", "取消评优资格"];

    public long Id { get; set; }
    public int UnitId { get; set; }
    public int SchemeId { get; set; }
    public int? SectionId { get; set; }
    public int? PersonId { get; set; }
    public required string Kind { get; set; }
    public required string Reason { get; set; }
    public int GivenById { get; set; }
    public DateTime GivenAt { get; set; }
}
