using System.ComponentModel.DataAnnotations;

namespace Luoshi.Features.Projects;

/// <summary>A new key project, by the API (JSON) and by the create page (form).</summary>
internal sealed class ProjectInput
{
    [Required(ErrorMessage = "请填写项目名称")]
    [StringLength(500, ErrorMessage = "项目名称不能超过500个字")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "请填写投资方")]
    [StringLength(200, ErrorMessage = "投资方不能超过200个字")]
    public string Investor { get; set; } = "";

    /// <summary>投资额, 万元.</summary>
    public decimal? Amount { get; set; }

    [Required(ErrorMessage = "请填写所属产业")]
    [StringLength(100, ErrorMessage = "所属产业不能超过100个字")]
    public string Industry { get; set; } = "";

    public int LeadSectionId { get; set; }

    /// <summary>The one person the project is assigned to (分包到人).</summary>
    public int? ResponsiblePersonId { get; set; }

    /// <summary>The ledger plan; empty for "{year}年重点项目", created when missing.</summary>
    public int? PlanId { get; set; }

    /// <summary>The day the intention (意向) was registered.</summary>
    public DateOnly? IntentOn { get; set; }

    [StringLength(1000, ErrorMessage = "佐证说明不能超过1000个字")]
    public string? IntentEvidence { get; set; }

    // Target dates of the later stages: each becomes a milestone of the task, so an unmet one lights
    // the project red and is escalated like any task's; the last is the task's due date.
    public DateOnly? SignTarget { get; set; }
    public DateOnly? FundsTarget { get; set; }
    public DateOnly? StartTarget { get; set; }
    public DateOnly? CompleteTarget { get; set; }

    public DateOnly?[] Targets => [SignTarget, FundsTarget, StartTarget, CompleteTarget];
}

/// <summary>Reaching the next stage.</summary>
internal sealed class StageInput
{
    [Required(ErrorMessage = "请选择阶段")]
    public string? Stage { get; set; }

    [Required(ErrorMessage = "请填写到达日期")]
    public DateOnly? ReachedOn { get; set; }

    [Required(ErrorMessage = "请填写佐证说明（如合同编号、到账凭证、开工报告）")]
    [StringLength(1000, ErrorMessage = "佐证说明不能超过1000个字")]
    public string? Evidence { get; set; }
}
