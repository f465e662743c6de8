using System.ComponentModel.DataAnnotations;

namespace Luoshi.Features.Recheck;

/// <summary>A re-check to schedule: after a number of months from the closing (销号), or on a date.</summary>
internal sealed class RecheckInput
{
    [Range(1, int.MaxValue, ErrorMessage = "请选择要回头看的任务")]
    [Display(Name = "任务")]
    public int TaskId { get; set; }

    [Range(1, 24, ErrorMessage = "回头看时间应为办结后1到24个月")]
    [Display(Name = "办结后月数")]
    public int? Months { get; set; }

    [Display(Name = "回头看日期")]
    public DateOnly? On { get; set; }

    [Required(ErrorMessage = "请填写回头看的内容")]
    [StringLength(ScheduledRecheck.MaxText, ErrorMessage = "回头看的内容不能超过1000个字")]
    [Display(Name = "回头看内容")]
    public string What { get; set; } = "";
}

/// <summary>The office's conclusion: 通过, or 未通过 with findings and the original's new due date.</summary>
internal sealed class RecheckConclusionInput
{
    [Display(Name = "结论")]
    public bool Passed { get; set; }

    [StringLength(ScheduledRecheck.MaxText, ErrorMessage = "发现的问题不能超过1000个字")]
    [Display(Name = "发现的问题")]
    public string? Findings { get; set; }

    [Display(Name = "新的完成时限")]
    public DateOnly? NewDueDate { get; set; }
}
