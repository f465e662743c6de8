using System.ComponentModel.DataAnnotations;
using Luoshi.Features.Shared;

namespace Luoshi.Features.Plans;

internal sealed class PlanInput
{
    [Required(ErrorMessage = "请填写计划名称")]
    [StringLength(200, ErrorMessage = "计划名称不能超过200个字")]
    [Display(Name = "计划名称")]
    public string Title { get; set; } = "";

    [Range(2000, 2100, ErrorMessage = "年度应在2000到2100之间")]
    [Display(Name = "年度")]
    public int Year { get; set; }

    [StringLength(100, ErrorMessage = "文号不能超过100个字")]
    [Display(Name = "文号")]
    public string? DocumentNumber { get; set; }

    [StringLength(4000, ErrorMessage = "说明不能超过4000个字")]
    [Display(Name = "说明")]
    public string? Description { get; set; }

    [Display(Name = "报送周期")]
    public ReportCadence Cadence { get; set; } = ReportCadence.Monthly;

    [Range(0, 30, ErrorMessage = "报送时限应为0到30个工作日")]
    [Display(Name = "报送时限")]
    public int ReportDueOffsetDays { get; set; }

    [Range(0, 30, ErrorMessage = "宽限期应为0到30个工作日")]
    [Display(Name = "宽限期")]
    public int ReportGraceDays { get; set; } = 3;

    [Range(0, 20, ErrorMessage = "提前提醒应为0到20个工作日")]
    [Display(Name = "到期前提醒")]
    public int RemindDaysBefore { get; set; } = 3;

    [Range(1, 30, ErrorMessage = "催办后转督办应为1到30个工作日")]
    [Display(Name = "催办后转督办")]
    public int SuperviseAfterDays { get; set; } = 3;

    [Range(1, 30, ErrorMessage = "签收时限应为1到30个工作日")]
    [Display(Name = "签收时限")]
    public int SignWithinDays { get; set; } = 2;

    [Range(1, 30, ErrorMessage = "退办时限应为1到30个工作日")]
    [Display(Name = "退办时限")]
    public int ReturnWithinDays { get; set; } = 3;

    /// <summary>Empty on a new plan: the day it is saved; empty on a change: unchanged.</summary>
    [Display(Name = "督办起始日")]
    public DateOnly? SupervisedFrom { get; set; }

    [Display(Name = "已归档")]
    public bool IsArchived { get; set; }

    public static PlanInput From(Plan p) => new()
    {
        Title = p.Title,
        Year = p.Year,
        DocumentNumber = p.DocumentNumber,
        Description = p.Description,
        Cadence = p.Cadence,
        ReportDueOffsetDays = p.ReportDueOffsetDays,
        ReportGraceDays = p.ReportGraceDays,
        RemindDaysBefore = p.RemindDaysBefore,
        SuperviseAfterDays = p.SuperviseAfterDays,
        SignWithinDays = p.SignWithinDays,
        ReturnWithinDays = p.ReturnWithinDays,
        SupervisedFrom = p.SupervisedFrom == default ? null : p.SupervisedFrom,
        IsArchived = p.IsArchived,
    };

    public Dictionary<string, string[]>? Problems()
    {
        var problems = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Title))
        {
            problems.Add(nameof(Title), "请填写计划名称");
        }

        if (Year is < 2000 or > 2100)
        {
            problems.Add(nameof(Year), "年度应在2000到2100之间");
        }

        if (!Enum.IsDefined(Cadence))
        {
            problems.Add(nameof(Cadence), "报送周期应为每周、每月或每季度");
        }

        if (ReportDueOffsetDays is < 0 or > 30 || ReportGraceDays is < 0 or > 30)
        {
            problems.Add(nameof(ReportGraceDays), "报送时限和宽限期应为0到30个工作日");
        }

        if (RemindDaysBefore is < 0 or > 20)
        {
            problems.Add(nameof(RemindDaysBefore), "提前提醒应为0到20个工作日");
        }

        if (SuperviseAfterDays is < 1 or > 30)
        {
            problems.Add(nameof(SuperviseAfterDays), "催办后转督办应为1到30个工作日");
        }

        if (SignWithinDays is < 1 or > 30)
        {
            problems.Add(nameof(SignWithinDays), "签收时限应为1到30个工作日");
        }

        if (ReturnWithinDays is < 1 or > 30)
        {
            problems.Add(nameof(ReturnWithinDays), "退办时限应为1到30个工作日");
        }

        if (SupervisedFrom is { } from && (from.Year < 2000 || from.Year > 2100 || from.Year < Year - 1 || from.Year > Year + 1))
        {
            problems.Add(nameof(SupervisedFrom), "督办起始日应在计划年度前后一年之内");
        }

        return problems.Any ? problems.ToDictionary() : null;
    }

    public void ApplyTo(Plan plan)
    {
        plan.Title = Title.Trim();
        plan.Year = Year;
        plan.DocumentNumber = DocumentNumber.OrNull();
        plan.Description = Description.OrNull();
        plan.Cadence = Cadence;
        plan.ReportDueOffsetDays = ReportDueOffsetDays;
        plan.ReportGraceDays = ReportGraceDays;
        plan.RemindDaysBefore = RemindDaysBefore;
        plan.SuperviseAfterDays = SuperviseAfterDays;
        plan.SignWithinDays = SignWithinDays;
        plan.ReturnWithinDays = ReturnWithinDays;
        if (SupervisedFrom is { } from)
        {
            plan.SupervisedFrom = from;
        }
        plan.IsArchived = IsArchived;
    }
}
