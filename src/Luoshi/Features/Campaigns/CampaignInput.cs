using System.ComponentModel.DataAnnotations;

namespace Luoshi.Features.Campaigns;

internal sealed class CampaignInput
{
    [Required(ErrorMessage = "请填写活动名称"), StringLength(200, ErrorMessage = "活动名称不能超过200个字")]
    public string Title { get; set; } = "";

    public List<PhaseInput> Phases { get; set; } = [];
}

internal sealed class PhaseInput
{
    [Required(ErrorMessage = "请填写阶段名称"), StringLength(100, ErrorMessage = "阶段名称不能超过100个字")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "请填写开始日期")]
    public DateOnly? Start { get; set; }

    [Required(ErrorMessage = "请填写结束日期")]
    public DateOnly? End { get; set; }
}

internal sealed class PhaseTaskInput
{
    [Required(ErrorMessage = "请填写任务名称"), StringLength(500, ErrorMessage = "任务名称不能超过500个字")]
    public string Title { get; set; } = "";

    [Range(1, int.MaxValue, ErrorMessage = "请选择牵头科室")]
    public int LeadSectionId { get; set; }

    public int? ResponsiblePersonId { get; set; }

    [Required(ErrorMessage = "请填写完成时限")]
    public DateOnly? DueDate { get; set; }
}
