using System.ComponentModel.DataAnnotations;

namespace Luoshi.Features.Proposals;

/// <summary>A proposal as the 主办 unit's office registers it, by the API (JSON) and the create page (form).</summary>
internal sealed class ProposalInput
{
    [Required(ErrorMessage = "请选择类别")]
    [StringLength(10, ErrorMessage = "类别只能是人大代表建议或政协委员提案")]
    public string Type { get; set; } = ProposalTypes.Deputy;

    [Required(ErrorMessage = "请填写编号")]
    [StringLength(16, ErrorMessage = "编号不能超过16个字")]
    public string Number { get; set; } = "";

    [Required(ErrorMessage = "请填写标题")]
    [StringLength(200, ErrorMessage = "标题不能超过200个字")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "请填写建议提案内容")]
    [StringLength(4000, ErrorMessage = "内容不能超过4000个字")]
    public string Content { get; set; } = "";

    [Required(ErrorMessage = "请填写领衔代表或提案人")]
    [StringLength(50, ErrorMessage = "姓名不能超过50个字")]
    public string ProposerName { get; set; } = "";

    [StringLength(100, ErrorMessage = "代表团或界别不能超过100个字")]
    public string? ProposerGroup { get; set; }

    [StringLength(30, ErrorMessage = "联系电话不能超过30个字")]
    public string? ProposerPhone { get; set; }

    /// <summary>附议/联名 names, separated by 、 or commas.</summary>
    [StringLength(1000, ErrorMessage = "附议人不能超过1000个字")]
    public string? CoSigners { get; set; }

    [Required(ErrorMessage = "请填写交办日期")]
    public DateOnly? AssignedOn { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "请选择主办科室")]
    public int LeadSectionId { get; set; }

    public int? ResponsiblePersonId { get; set; }

    public int? LeadLeaderId { get; set; }

    /// <summary>协办单位: other units of the deployment.</summary>
    [MaxLength(20, ErrorMessage = "协办单位最多20个")]
    public List<int>? CoHandlerUnitIds { get; set; }
}

/// <summary>The one extension of the reply deadline.</summary>
internal sealed record ExtensionInput(
    [property: Range(1, ProposalClock.MaxExtensionMonths, ErrorMessage = "延期月数为1至3个月")] int Months,
    [property: Required(ErrorMessage = "请填写延期理由"), StringLength(500, ErrorMessage = "延期理由不能超过500个字")] string? Reason);

/// <summary>A reply, without its file (the page and the API's multipart form add that).</summary>
internal sealed class ReplyInput
{
    [Required(ErrorMessage = "请填写答复内容")]
    [StringLength(4000, ErrorMessage = "答复内容不能超过4000个字")]
    public string? Text { get; set; }

    [Required(ErrorMessage = "请填写答复日期")]
    public DateOnly? RepliedOn { get; set; }

    [Required(ErrorMessage = "请选择办理结果类别")]
    [StringLength(1, ErrorMessage = "办理结果类别只能是A、B或C")]
    public string? ResultClass { get; set; }

    [Required(ErrorMessage = "请填写签发人")]
    [StringLength(50, ErrorMessage = "签发人不能超过50个字")]
    public string? Signer { get; set; }

    /// <summary>Names of the proposer and co-signers the reply was delivered to (已送达).</summary>
    [MaxLength(100, ErrorMessage = "送达名单过长")]
    public List<string>? DeliveredTo { get; set; }
}

internal sealed record SatisfactionInput(
    [property: Required(ErrorMessage = "请选择满意度"), StringLength(10, ErrorMessage = "满意度只能是满意、基本满意或不满意")] string? Satisfaction,
    [property: StringLength(1000, ErrorMessage = "反馈意见不能超过1000个字")] string? Note);

/// <summary>A co-handling unit's opinion (协办意见) and who signed it (会签).</summary>
internal sealed record OpinionInput(
    [property: Required(ErrorMessage = "请填写协办意见"), StringLength(4000, ErrorMessage = "协办意见不能超过4000个字")] string? Text,
    [property: Required(ErrorMessage = "请填写会签人"), StringLength(50, ErrorMessage = "会签人不能超过50个字")] string? Signer);
