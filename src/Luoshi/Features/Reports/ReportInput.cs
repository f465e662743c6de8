using System.ComponentModel.DataAnnotations;

namespace Luoshi.Features.Reports;

/// <summary>A progress report as submitted by the API (JSON) or the report form.</summary>
internal sealed class ReportInput
{
    [Required(ErrorMessage = "请填写进展情况")]
    [StringLength(4000, ErrorMessage = "进展情况不能超过4000个字")]
    public string Progress { get; set; } = "";

    [Range(0, 100, ErrorMessage = "完成百分比应在0到100之间")]
    public int? Percent { get; set; }

    [Range(0, 1e12, ErrorMessage = "完成数量应为非负数")]
    public decimal? AchievedValue { get; set; }

    [StringLength(4000, ErrorMessage = "存在问题不能超过4000个字")]
    public string? Problems { get; set; }

    [StringLength(4000, ErrorMessage = "下步打算不能超过4000个字")]
    public string? NextSteps { get; set; }

    /// <summary>The lead section says the task is done.</summary>
    public bool ClaimsCompletion { get; set; }

    /// <summary>Any day of the period reported on; by default the period that is due next.</summary>
    public DateOnly? PeriodDate { get; set; }

    /// <summary>The earlier report this one corrects.</summary>
    public long? CorrectsId { get; set; }

    /// <summary>Evidence files uploaded beforehand (POST /api/evidence).</summary>
    public List<long>? EvidenceIds { get; set; }
}
