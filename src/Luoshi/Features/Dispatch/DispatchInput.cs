using System.ComponentModel.DataAnnotations;
using Luoshi.Features.Plans;

namespace Luoshi.Features.Dispatch;

/// <summary>A new 交办, from the API (JSON) and the create page (form).</summary>
internal sealed class DispatchInput
{
    public const int MaxCooperating = 100;

    [Required(ErrorMessage = "请填写交办事项名称"), StringLength(500, ErrorMessage = "名称不能超过500个字")]
    [Display(Name = "事项名称")]
    public string Title { get; set; } = "";

    [StringLength(4000, ErrorMessage = "说明不能超过4000个字")]
    [Display(Name = "具体要求")]
    public string? Description { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "请选择牵头单位")]
    [Display(Name = "牵头单位")]
    public int LeadUnitId { get; set; }

    [MaxLength(MaxCooperating, ErrorMessage = "配合单位最多100个")]
    [Display(Name = "配合单位")]
    public List<int>? CooperatingUnitIds { get; set; }

    [StringLength(DispatchParty.MaxText, ErrorMessage = "配合事项不能超过1000个字")]
    [Display(Name = "配合单位承担的工作")]
    public string? CooperatingPart { get; set; }

    [Required(ErrorMessage = "请填写完成时限")]
    [Display(Name = "完成时限")]
    public DateOnly? DueDate { get; set; }

    [Display(Name = "报送周期")]
    public ReportCadence Cadence { get; set; } = ReportCadence.Monthly;

    [Range(0, 1e12, ErrorMessage = "目标值应为非负数")]
    [Display(Name = "目标值")]
    public decimal? TargetValue { get; set; }

    [StringLength(20, ErrorMessage = "目标单位不能超过20个字")]
    [Display(Name = "目标单位")]
    public string? TargetUnit { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "请选择本单位跟踪科室")]
    [Display(Name = "本单位跟踪科室")]
    public int FollowUpSectionId { get; set; }
}

/// <summary>签收: the section of the receiving unit that leads its own task.</summary>
internal sealed record SignInput([property: Range(1, int.MaxValue, ErrorMessage = "请选择牵头科室")] int LeadSectionId);

/// <summary>退办: why the unit sends it back.</summary>
internal sealed record ReturnInput([property: Required(ErrorMessage = "请写明退办理由"), StringLength(DispatchParty.MaxText, ErrorMessage = "理由不能超过1000个字")] string Reason);

/// <summary>改派: the unit that takes the returned part over, with a note.</summary>
internal sealed record ReassignInput(
    [property: Range(1, int.MaxValue, ErrorMessage = "请选择改派的单位")] int UnitId,
    [property: StringLength(DispatchParty.MaxText, ErrorMessage = "意见不能超过1000个字")] string? Note);

/// <summary>坚持交办: the reason the part stays with the unit.</summary>
internal sealed record ConfirmInput([property: Required(ErrorMessage = "请写明坚持交办的理由"), StringLength(DispatchParty.MaxText, ErrorMessage = "理由不能超过1000个字")] string Note);
