using System.ComponentModel.DataAnnotations;

namespace Luoshi.Features.Research;

/// <summary>A new research topic, by the API (JSON) and by the create page (form).</summary>
internal sealed class TopicInput
{
    [Required(ErrorMessage = "请填写课题名称")]
    [StringLength(500, ErrorMessage = "课题名称不能超过500个字")]
    [Display(Name = "课题名称")]
    public string Title { get; set; } = "";

    /// <summary>The leader who leads the topic (牵头领导); accepts or returns its report.</summary>
    [Display(Name = "牵头领导")]
    public int? LeadLeaderId { get; set; }

    [Display(Name = "牵头科室")]
    public int LeadSectionId { get; set; }

    [MaxLength(20, ErrorMessage = "配合科室不能超过20个")]
    [Display(Name = "配合科室")]
    public List<int>? CooperatingSectionIds { get; set; }

    [Required(ErrorMessage = "请填写调研的问题")]
    [StringLength(4000, ErrorMessage = "调研的问题不能超过4000个字")]
    [Display(Name = "调研的问题")]
    public string Questions { get; set; } = "";

    [StringLength(2000, ErrorMessage = "走访单位和地点不能超过2000个字")]
    [Display(Name = "走访单位和地点")]
    public string? Places { get; set; }

    [Required(ErrorMessage = "请填写报告时限")]
    [Display(Name = "报告时限")]
    public DateOnly? ReportDue { get; set; }

    /// <summary>办结时限: when the findings should have been put to use; the end of the year when empty.</summary>
    [Display(Name = "办结时限")]
    public DateOnly? CloseDue { get; set; }
}

/// <summary>A visit or talk; the file, if any, comes beside it (form or multipart).</summary>
internal sealed class VisitInput
{
    [Required(ErrorMessage = "请填写日期")]
    [Display(Name = "日期")]
    public DateOnly? VisitedOn { get; set; }

    [Required(ErrorMessage = "请填写走访单位或地点")]
    [StringLength(300, ErrorMessage = "地点不能超过300个字")]
    [Display(Name = "走访单位或地点")]
    public string? Place { get; set; }

    [Required(ErrorMessage = "请填写座谈、走访的对象")]
    [StringLength(500, ErrorMessage = "对象不能超过500个字")]
    [Display(Name = "座谈、走访的对象")]
    public string? PeopleMet { get; set; }

    [Required(ErrorMessage = "请填写调研记录")]
    [StringLength(4000, ErrorMessage = "调研记录不能超过4000个字")]
    [Display(Name = "调研记录")]
    public string? Notes { get; set; }
}

/// <summary>A version of the report: written text, a file beside it, or both.</summary>
internal sealed class ReportInput
{
    [StringLength(20000, ErrorMessage = "报告正文不能超过20000个字")]
    [Display(Name = "报告正文")]
    public string? Text { get; set; }
}

/// <summary>The leader's (or office's) decision on the report under review.</summary>
internal sealed class DecisionInput
{
    /// <summary>true to accept, false to return.</summary>
    [Required(ErrorMessage = "请选择通过或退回")]
    [Display(Name = "审阅结论")]
    public bool? Accept { get; set; }

    [StringLength(2000, ErrorMessage = "意见不能超过2000个字")]
    [Display(Name = "意见")]
    public string? Comment { get; set; }

    /// <summary>The version decided on, so a decision on v1 is not taken as one on a v2 sent meanwhile.</summary>
    [Range(1, 1000, ErrorMessage = "请指明报告版本")]
    [Display(Name = "报告版本")]
    public int Version { get; set; }
}

/// <summary>Findings of the accepted report, one per line on the page.</summary>
internal sealed class FindingsInput
{
    [Required(ErrorMessage = "请填写调研成果")]
    [MinLength(1, ErrorMessage = "请填写调研成果")]
    [MaxLength(50, ErrorMessage = "一次最多填写50条成果")]
    [Display(Name = "调研成果")]
    public List<string>? Items { get; set; }
}

/// <summary>A finding made into a task: where it goes, who leads it, by when.</summary>
internal sealed class FindingTaskInput
{
    /// <summary>The plan; empty for the year's research ledger plan.</summary>
    [Display(Name = "所属计划")]
    public int? PlanId { get; set; }

    [StringLength(500, ErrorMessage = "任务名称不能超过500个字")]
    [Display(Name = "任务名称")]
    public string? Title { get; set; }

    [Display(Name = "牵头科室")]
    public int LeadSectionId { get; set; }

    [Display(Name = "责任人")]
    public int? ResponsiblePersonId { get; set; }

    [Required(ErrorMessage = "请填写完成时限")]
    [Display(Name = "完成时限")]
    public DateOnly? DueDate { get; set; }
}
