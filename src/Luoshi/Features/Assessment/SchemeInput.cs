using System.ComponentModel.DataAnnotations;
using Luoshi.Features.Shared;

namespace Luoshi.Features.Assessment;

/// <summary>The scheme's settings as a form or the API sends them; blank numbers take the defaults.</summary>
internal sealed class SchemeInput
{
    private static readonly AssessmentScheme Defaults = new() { Name = "" };

    [Display(Name = "方案名称")] public string? Name { get; set; }
    [Display(Name = "考核期间起")] public DateOnly? PeriodStart { get; set; }
    [Display(Name = "考核期间止")] public DateOnly? PeriodEnd { get; set; }
    [Display(Name = "完成率权重")] public int CompletionWeight { get; set; } = Defaults.CompletionWeight;
    [Display(Name = "及时性权重")] public int TimelinessWeight { get; set; } = Defaults.TimelinessWeight;
    [Display(Name = "质量权重")] public int QualityWeight { get; set; } = Defaults.QualityWeight;
    [Display(Name = "延期系数")] public decimal ExtendedFactor { get; set; } = Defaults.ExtendedFactor;
    [Display(Name = "每次催办扣分")] public decimal UrgePoints { get; set; } = Defaults.UrgePoints;
    [Display(Name = "每次督办扣分")] public decimal SupervisePoints { get; set; } = Defaults.SupervisePoints;
    [Display(Name = "逾期每工作日扣分")] public decimal OverduePointsPerDay { get; set; } = Defaults.OverduePointsPerDay;
    [Display(Name = "逾期每项封顶")] public decimal OverdueCapPerTask { get; set; } = Defaults.OverdueCapPerTask;
    [Display(Name = "办结被退回每次扣分")] public decimal RefusedCompletionPoints { get; set; } = Defaults.RefusedCompletionPoints;
    [Display(Name = "牵头科室承担比例")] public decimal LeadShare { get; set; } = Defaults.LeadShare;
    [Display(Name = "每项加减分上限")] public decimal MaxAdjustment { get; set; } = Defaults.MaxAdjustment;
    [Display(Name = "得分下限（扣完为止）")] public decimal ScoreFloor { get; set; } = Defaults.ScoreFloor;
    [Display(Name = "质量等次及系数")] public string? Grades { get; set; } = AssessmentScheme.DefaultGrades;
    [Display(Name = "未评等次")] public string? DefaultGrade { get; set; } = Defaults.DefaultGrade;

    public static SchemeInput From(AssessmentScheme s) => new()
    {
        Name = s.Name, PeriodStart = s.PeriodStart, PeriodEnd = s.PeriodEnd, CompletionWeight = s.CompletionWeight, TimelinessWeight = s.TimelinessWeight,
        QualityWeight = s.QualityWeight, ExtendedFactor = s.ExtendedFactor, UrgePoints = s.UrgePoints, SupervisePoints = s.SupervisePoints,
        OverduePointsPerDay = s.OverduePointsPerDay, OverdueCapPerTask = s.OverdueCapPerTask, RefusedCompletionPoints = s.RefusedCompletionPoints,
        LeadShare = s.LeadShare, MaxAdjustment = s.MaxAdjustment, ScoreFloor = s.ScoreFloor, Grades = s.Grades, DefaultGrade = s.DefaultGrade,
    };

    /// <summary>Checks the settings and, when they hold, copies them onto the scheme.</summary>
    public FieldErrors ApplyTo(AssessmentScheme scheme)
    {
        var problems = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200)
        {
            problems.Add(nameof(Name), "请填写方案名称（不超过200字）");
        }

        if (PeriodStart is null || PeriodEnd is null || PeriodEnd < PeriodStart)
        {
            problems.Add(nameof(PeriodEnd), "请填写考核期间，结束日期不得早于开始日期");
        }

        if (CompletionWeight < 0 || TimelinessWeight < 0 || QualityWeight < 0 || CompletionWeight + TimelinessWeight + QualityWeight != 100)
        {
            problems.Add(nameof(CompletionWeight), "完成率、及时性、质量三项权重均不得为负，合计应为100分");
        }

        if (new[] { UrgePoints, SupervisePoints, OverduePointsPerDay, OverdueCapPerTask, RefusedCompletionPoints }.Any(p => p is < 0 or > 100))
        {
            problems.Add(nameof(UrgePoints), "扣分标准应在0至100分之间");
        }

        if (ExtendedFactor is < 0 or > 1)
        {
            problems.Add(nameof(ExtendedFactor), "延期系数应在0至1之间");
        }

        if (LeadShare is < 0 or > 1)
        {
            problems.Add(nameof(LeadShare), "牵头科室比例应在0至1之间（如0.7）");
        }

        if (MaxAdjustment is <= 0 or > 100)
        {
            problems.Add(nameof(MaxAdjustment), "每项加减分上限应大于0且不超过100分");
        }

        if (ScoreFloor is < 0 or > 100)
        {
            problems.Add(nameof(ScoreFloor), "得分下限应在0至100分之间（扣完为止一般为0）");
        }

        var grades = AssessmentScheme.ParseGrades(Grades);
        if (grades is null)
        {
            problems.Add(nameof(Grades), "质量等次写作“优=1,良=0.8,中=0.6,差=0.3”，系数在0至1之间，等次不重复");
        }
        else if (!grades.Any(g => g.Grade == DefaultGrade?.Trim()))
        {
            problems.Add(nameof(DefaultGrade), "未评等次的任务按哪一等次计，应为上面等次之一");
        }

        if (problems.Any)
        {
            return problems;
        }

        scheme.Name = Name!.Trim();
        (scheme.PeriodStart, scheme.PeriodEnd) = (PeriodStart!.Value, PeriodEnd!.Value);
        (scheme.CompletionWeight, scheme.TimelinessWeight, scheme.QualityWeight) = (CompletionWeight, TimelinessWeight, QualityWeight);
        (scheme.ExtendedFactor, scheme.UrgePoints, scheme.SupervisePoints) = (ExtendedFactor, UrgePoints, SupervisePoints);
        (scheme.OverduePointsPerDay, scheme.OverdueCapPerTask, scheme.RefusedCompletionPoints) = (OverduePointsPerDay, OverdueCapPerTask, RefusedCompletionPoints);
        (scheme.LeadShare, scheme.MaxAdjustment, scheme.ScoreFloor) = (LeadShare, MaxAdjustment, ScoreFloor);
        scheme.Grades = string.Join(",", grades!.Select(g => $"{g.Grade}={g.Factor.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}"));
        scheme.DefaultGrade = DefaultGrade!.Trim();
        return problems;
    }
}
