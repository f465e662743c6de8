using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;

namespace Luoshi.Features.Appeals;

/// <summary>Appeals as a ledger: a year's appeals go into the plan "2026年诉求办理".</summary>
internal sealed class AppealLedgerKind : ILedgerKind
{
    public WorkKind Kind => WorkKind.Appeal;
    public string PlanTitle => "诉求办理";
    public string? PlanDescription => null;
}
