using System.ComponentModel.DataAnnotations;

namespace Luoshi.Features.Directives;

/// <summary>A 批示件 as the office registers it, by the API (JSON) and by the form.</summary>
internal sealed class DirectiveInput
{
    [Required(ErrorMessage = "请填写来文标题或事由")]
    [StringLength(500, ErrorMessage = "来文标题不能超过500个字")]
    public string SourceTitle { get; set; } = "";

    [Required(ErrorMessage = "请填写文号")]
    [StringLength(100, ErrorMessage = "文号不能超过100个字")]
    public string DocumentNumber { get; set; } = "";

    [Required(ErrorMessage = "请填写批示内容")]
    [StringLength(4000, ErrorMessage = "批示内容不能超过4000个字")]
    public string Instruction { get; set; } = "";

    /// <summary>批示领导, name and position (e.g. 张某某副市长).</summary>
    [Required(ErrorMessage = "请填写批示领导（姓名和职务）")]
    [StringLength(100, ErrorMessage = "批示领导不能超过100个字")]
    public string Leader { get; set; } = "";

    [Required(ErrorMessage = "请填写批示日期")]
    public DateOnly? InstructedOn { get; set; }

    /// <summary>密级: 一般 or 内部 (秘密 and above are refused: not entered into this system).</summary>
    [StringLength(10, ErrorMessage = "密级不能超过10个字")]
    public string? Classification { get; set; }

    /// <summary>知悉范围: people of the unit who may read it.</summary>
    public List<int>? ReaderIds { get; set; }

    [Required(ErrorMessage = "请填写办理时限")]
    public DateOnly? DueDate { get; set; }

    public int LeadSectionId { get; set; }
    public int? ResponsiblePersonId { get; set; }
    public int? LeadLeaderId { get; set; }
    public List<int>? CooperatingSectionIds { get; set; }
}

/// <summary>办理情况报告 of the current round, by the lead section.</summary>
internal sealed class HandlingReportInput
{
    [Required(ErrorMessage = "请填写办理情况")]
    [StringLength(8000, ErrorMessage = "办理情况不能超过8000个字")]
    public string Text { get; set; } = "";

    [StringLength(2000, ErrorMessage = "佐证材料说明不能超过2000个字")]
    public string? Evidence { get; set; }

    /// <summary>The round reported on, as the page showed it: a report meant for round 1 does not land on round 2.</summary>
    [Range(1, 100, ErrorMessage = "轮次无效")]
    public int Round { get; set; }
}

/// <summary>The leader's answer to a report, recorded by the office: 同意办结 or 再次批示 with a new 时限.</summary>
internal sealed class LeaderResponseInput
{
    [Range(1, 100, ErrorMessage = "轮次无效")]
    public int Round { get; set; }

    /// <summary>"同意办结" or "再次批示".</summary>
    [Required(ErrorMessage = "请选择领导意见")]
    [StringLength(10, ErrorMessage = "领导意见无效")]
    public string Response { get; set; } = "";

    /// <summary>领导意见 (for 再次批示: the new instruction).</summary>
    [StringLength(4000, ErrorMessage = "领导意见不能超过4000个字")]
    public string? Opinion { get; set; }

    public DateOnly? RespondedOn { get; set; }

    /// <summary>The new 时限 of a 再次批示.</summary>
    public DateOnly? DueDate { get; set; }
}
