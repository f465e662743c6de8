using System.ComponentModel.DataAnnotations;

namespace Luoshi.Features.Reports;

/// <summary>A progress report as submitted by the API (JSON) or the report form.</summary>
internal sealed class ReportInput
{
    [Required(ErrorMessage = "请填写进展情况")]
    [StringLength(4000, ErrorMessage = "进展情况不能超过4000个字")]
    [Display(Name = "进展情况")]
    public string Progress { get; set; } = "";

    [Range(0, 100, ErrorMessage = "完成百分比应在0到100之间")]
    [Display(Name = "完成百分比")]
    public int? Percent { get; set; }

    [Range(0, 1e12, ErrorMessage = "完成数量应为非负数")]
    [Display(Name = "累计完成数量")]
    public decimal? AchievedValue { get; set; }

    [StringLength(4000, ErrorMessage = "存在问题不能超过4000个字")]
    [Display(Name = "存在问题")]
    public string? Problems { get; set; }

    [StringLength(4000, ErrorMessage = "下步打算不能超过4000个字")]
    [Display(Name = "下步打算")]
    public string? NextSteps { get; set; }

    /// <summary>The reporter has looked again at figures <see cref="ReportFigures"/> doubted.</summary>
    [Display(Name = "已核对数字")]
    public bool ConfirmFigures { get; set; }

    /// <summary>The lead section says the task is done.</summary>
    [Display(Name = "申请办结")]
    public bool ClaimsCompletion { get; set; }

    /// <summary>Any day of the period reported on; by default the period that is due next.</summary>
    [Display(Name = "报告期")]
    public DateOnly? PeriodDate { get; set; }

    /// <summary>The earlier report this one corrects.</summary>
    [Display(Name = "更正的报告")]
    public long? CorrectsId { get; set; }

    /// <summary>Evidence files uploaded beforehand (POST /api/evidence).</summary>
    [Display(Name = "佐证材料")]
    public List<long>? EvidenceIds { get; set; }
}
