using System.ComponentModel.DataAnnotations;

namespace Luoshi.Features.Meetings;

/// <summary>A meeting and its decisions, registered on one form (or read from its minutes and reviewed).</summary>
internal sealed class MeetingInput
{
    [Display(Name = "会议名称")]
    [Required(ErrorMessage = "请填写会议名称")]
    [StringLength(100, ErrorMessage = "会议名称不能超过100个字")]
    public string Name { get; set; } = "";

    [Display(Name = "会议日期")]
    [Required(ErrorMessage = "请填写会议日期")]
    public DateOnly? HeldOn { get; set; }

    [Display(Name = "纪要编号")]
    [Required(ErrorMessage = "请填写纪要编号")]
    [StringLength(50, ErrorMessage = "纪要编号不能超过50个字")]
    public string MinutesNumber { get; set; } = "";

    [Display(Name = "议定事项")]
    public List<DecisionInput> Decisions { get; set; } = [];
}

/// <summary>One 议定事项: its number in the minutes, what was decided, who leads and by when.</summary>
internal sealed class DecisionInput
{
    [Display(Name = "序号")]
    [Range(1, 999, ErrorMessage = "序号应为1至999")]
    public int Number { get; set; }

    [Display(Name = "议定事项")]
    [StringLength(1000, ErrorMessage = "议定事项不能超过1000个字")]
    public string? Text { get; set; }

    [Display(Name = "牵头科室")]
    public int LeadSectionId { get; set; }

    [Display(Name = "配合科室")]
    public List<int>? CooperatingSectionIds { get; set; }

    [Display(Name = "完成时限")]
    public DateOnly? DueDate { get; set; }

    /// <summary>The import's note on the row (a past deadline in the minutes), shown for review only.</summary>
    [Display(Name = "提示")]
    [StringLength(200)]
    public string? Warning { get; set; }
}
