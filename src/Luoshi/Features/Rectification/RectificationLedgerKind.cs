using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;

namespace Luoshi.Features.Rectification;

/// <summary>Rectification measures as a ledger: a year's measures go into the plan "2026年问题整改".</summary>
internal sealed class RectificationLedgerKind : ILedgerKind
{
    public WorkKind Kind => WorkKind.Rectification;
    public string PlanTitle => "问题整改";
    public string? PlanDescription => null;
}
