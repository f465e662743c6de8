using System.ComponentModel.DataAnnotations;

namespace Luoshi.Features.Tasks;

/// <summary>A task as created or updated, by the API (JSON) and by the edit page (form).</summary>
internal sealed class TaskInput
{
    [Range(1, int.MaxValue, ErrorMessage = "请选择所属计划")]
    [Display(Name = "所属计划")]
    public int PlanId { get; set; }

    [Display(Name = "上级任务")]
    public int? ParentId { get; set; }

    /// <summary>How much the task counts in its parent's progress (分解任务 only).</summary>
    [Range(1, 100, ErrorMessage = "权重应为1到100的整数")]
    [Display(Name = "权重")]
    public int Weight { get; set; } = 1;

    [StringLength(20, ErrorMessage = "编号不能超过20个字")]
    [Display(Name = "编号")]
    public string? Number { get; set; }

    [Required(ErrorMessage = "请填写任务名称")]
    [StringLength(500, ErrorMessage = "任务名称不能超过500个字")]
    [Display(Name = "任务名称")]
    public string Title { get; set; } = "";

    [StringLength(4000, ErrorMessage = "任务说明不能超过4000个字")]
    [Display(Name = "任务说明")]
    public string? Description { get; set; }

    [Display(Name = "牵头领导")]
    public int? LeadLeaderId { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "请选择牵头科室")]
    [Display(Name = "牵头科室")]
    public int LeadSectionId { get; set; }

    [Display(Name = "责任人")]
    public int? ResponsiblePersonId { get; set; }

    [Range(0, 1e12, ErrorMessage = "目标值应为非负数")]
    [Display(Name = "目标值")]
    public decimal? TargetValue { get; set; }

    [StringLength(20, ErrorMessage = "目标单位不能超过20个字")]
    [Display(Name = "目标单位")]
    public string? TargetUnit { get; set; }

    [Required(ErrorMessage = "请填写开始日期")]
    [Display(Name = "开始日期")]
    public DateOnly? StartDate { get; set; }

    [Required(ErrorMessage = "请填写完成时限")]
    [Display(Name = "完成时限")]
    public DateOnly? DueDate { get; set; }

    [Display(Name = "标签")]
    public List<string>? Tags { get; set; }

    [Display(Name = "配合科室")]
    public List<CooperationInput>? Cooperations { get; set; }

    public static TaskInput From(WorkTask t) => new()
    {
        PlanId = t.PlanId,
        ParentId = t.ParentId,
        Weight = t.Weight,
        Number = t.Number,
        Title = t.Title,
        Description = t.Description,
        LeadLeaderId = t.LeadLeaderId,
        LeadSectionId = t.LeadSectionId,
        ResponsiblePersonId = t.ResponsiblePersonId,
        TargetValue = t.TargetValue,
        TargetUnit = t.TargetUnit,
        StartDate = t.StartDate,
        DueDate = t.DueDate,
        Tags = [.. t.Tags],
        Cooperations = [.. t.Cooperations.OrderBy(c => c.SectionId).Select(c => new CooperationInput { SectionId = c.SectionId, Part = c.Part })],
    };
}

internal sealed class CooperationInput
{
    [Range(1, int.MaxValue, ErrorMessage = "请选择配合科室")]
    [Display(Name = "配合科室")]
    public int SectionId { get; set; }

    [StringLength(1000, ErrorMessage = "配合内容不能超过1000个字")]
    [Display(Name = "配合内容")]
    public string? Part { get; set; }
}

/// <summary>A milestone as added or changed.</summary>
internal sealed class MilestoneInput
{
    [Required(ErrorMessage = "请填写节点名称")]
    [StringLength(300, ErrorMessage = "节点名称不能超过300个字")]
    [Display(Name = "节点名称")]
    public string Title { get; set; } = "";

    [StringLength(500, ErrorMessage = "成果要求不能超过500个字")]
    [Display(Name = "成果要求")]
    public string? Deliverable { get; set; }

    [Required(ErrorMessage = "请填写节点日期")]
    [Display(Name = "节点日期")]
    public DateOnly? DueDate { get; set; }

    /// <summary>Set to mark the milestone done (the lead section may do only this).</summary>
    [Display(Name = "完成日期")]
    public DateOnly? CompletedOn { get; set; }

    [StringLength(1000, ErrorMessage = "完成说明不能超过1000个字")]
    [Display(Name = "完成说明")]
    public string? CompletionNote { get; set; }
}
