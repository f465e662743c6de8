using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;

namespace Luoshi.Features.Recheck;

/// <summary>Re-checks as a ledger: a year's re-checks go into the plan "2026年回头看".</summary>
internal sealed class RecheckLedgerKind : ILedgerKind
{
    public WorkKind Kind => WorkKind.Recheck;
    public string PlanTitle => "回头看";
    public string? PlanDescription => "已办结（销号）的任务和整改措施的回头看";
}
