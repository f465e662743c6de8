using System.ComponentModel.DataAnnotations;

namespace Luoshi.Features.Directives;

/// <summary>A 批示件 as the office registers it, by the API (JSON) and by the form.</summary>
internal sealed class DirectiveInput
{
    [Display(Name = "来文标题或事由")]
    [Required(ErrorMessage = "请填写来文标题或事由")]
    [StringLength(500, ErrorMessage = "来文标题不能超过500个字")]
    public string SourceTitle { get; set; } = "";

    [Display(Name = "文号")]
    [Required(ErrorMessage = "请填写文号")]
    [StringLength(100, ErrorMessage = "文号不能超过100个字")]
    public string DocumentNumber { get; set; } = "";

    [Display(Name = "批示内容")]
    [Required(ErrorMessage = "请填写批示内容")]
    [StringLength(4000, ErrorMessage = "批示内容不能超过4000个字")]
    public string Instruction { get; set; } = "";

    /// <summary>批示领导, name and position (e.g. 张某某副市长).</summary>
    [Display(Name = "批示领导（姓名和职务）")]
    [Required(ErrorMessage = "请填写批示领导（姓名和职务）")]
    [StringLength(100, ErrorMessage = "批示领导不能超过100个字")]
    public string Leader { get; set; } = "";

    [Display(Name = "批示日期")]
    [Required(ErrorMessage = "请填写批示日期")]
    public DateOnly? InstructedOn { get; set; }

    /// <summary>密级: 一般 or 内部 (秘密 and above are refused: not entered into this system).</summary>
    [Display(Name = "密级")]
    [StringLength(10, ErrorMessage = "密级不能超过10个字")]
    public string? Classification { get; set; }

    /// <summary>知悉范围: people of the unit who may read it.</summary>
    [Display(Name = "知悉范围")]
    public List<int>? ReaderIds { get; set; }

    [Display(Name = "办理时限")]
    [Required(ErrorMessage = "请填写办理时限")]
    public DateOnly? DueDate { get; set; }

    [Display(Name = "牵头科室")]
    public int LeadSectionId { get; set; }
    [Display(Name = "责任人")]
    public int? ResponsiblePersonId { get; set; }
    [Display(Name = "牵头领导")]
    public int? LeadLeaderId { get; set; }
    [Display(Name = "配合科室")]
    public List<int>? CooperatingSectionIds { get; set; }
}

/// <summary>办理情况报告 of the current round, by the lead section.</summary>
internal sealed class HandlingReportInput
{
    [Display(Name = "办理情况")]
    [Required(ErrorMessage = "请填写办理情况")]
    [StringLength(8000, ErrorMessage = "办理情况不能超过8000个字")]
    public string Text { get; set; } = "";

    [Display(Name = "佐证材料说明")]
    [StringLength(2000, ErrorMessage = "佐证材料说明不能超过2000个字")]
    public string? Evidence { get; set; }

    /// <summary>The round reported on, as the page showed it: a report meant for round 1 does not land on round 2.</summary>
    [Display(Name = "轮次")]
    [Range(1, 100, ErrorMessage = "轮次无效")]
    public int Round { get; set; }
}

/// <summary>The leader's answer to a report, recorded by the office: 同意办结 or 再次批示 with a new 时限.</summary>
internal sealed class LeaderResponseInput
{
    [Display(Name = "轮次")]
    [Range(1, 100, ErrorMessage = "轮次无效")]
    public int Round { get; set; }

    /// <summary>"同意办结" or "再次批示".</summary>
    [Display(Name = "领导意见")]
    [Required(ErrorMessage = "请选择领导意见")]
    [StringLength(10, ErrorMessage = "领导意见无效")]
    public string Response { get; set; } = "";

    /// <summary>领导意见 (for 再次批示: the new instruction).</summary>
    [Display(Name = "领导意见原文")]
    [StringLength(4000, ErrorMessage = "领导意见不能超过4000个字")]
    public string? Opinion { get; set; }

    [Display(Name = "阅示日期")]
    public DateOnly? RespondedOn { get; set; }

    /// <summary>The new 时限 of a 再次批示.</summary>
    [Display(Name = "新的办理时限")]
    public DateOnly? DueDate { get; set; }
}
