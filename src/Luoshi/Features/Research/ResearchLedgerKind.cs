using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;

namespace Luoshi.Features.Research;

/// <summary>Research topics as a ledger: a year's topics go into the plan "2026年调研课题".</summary>
internal sealed class ResearchLedgerKind : ILedgerKind
{
    public WorkKind Kind => WorkKind.Research;
    public string PlanTitle => "调研课题";
    public string? PlanDescription => "专题调研台账：立项、调研、形成报告、转化运用，成果逐条转为任务。";
}
