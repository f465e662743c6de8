using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;

namespace Luoshi.Features.Dispatch;

/// <summary>交办事项 as a ledger: a year's 交办 of a unit, given and received, go into "2026年交办事项".</summary>
internal sealed class DispatchLedgerKind : ILedgerKind
{
    public WorkKind Kind => WorkKind.Dispatch;
    public string PlanTitle => "交办事项";
    public string? PlanDescription => "交办事项台账：本单位交办下级单位的事项，以及上级单位交办、本单位签收办理的事项。";
}

/// <summary>Settings of 交办 (section "Dispatch").</summary>
internal sealed class DispatchOptions
{
    /// <summary>Working days after 交办 within which the receiving office may return it (退办).</summary>
    public int ReturnWithinDays { get; set; } = 3;
}
