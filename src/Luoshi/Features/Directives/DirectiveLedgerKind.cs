using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;

namespace Luoshi.Features.Directives;

/// <summary>批示件 as a ledger: a year's items go into the plan "2026年领导批示件".</summary>
internal sealed class DirectiveLedgerKind : ILedgerKind
{
    public WorkKind Kind => WorkKind.Directive;
    public string PlanTitle => "领导批示件";
    public string? PlanDescription => "领导批示件台账：批示内容、批示领导、文号、办理时限、办理情况和领导意见。";
}
