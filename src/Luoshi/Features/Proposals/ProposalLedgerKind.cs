using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;

namespace Luoshi.Features.Proposals;

/// <summary>Proposals as a ledger: a year's go into the plan "2026年建议提案办理".</summary>
internal sealed class ProposalLedgerKind : ILedgerKind
{
    public WorkKind Kind => WorkKind.Proposal;
    public string PlanTitle => "建议提案办理";
    public string? PlanDescription => "人大代表建议和政协委员提案的办理";
}
