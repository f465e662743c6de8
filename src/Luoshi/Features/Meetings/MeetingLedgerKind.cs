using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;

namespace Luoshi.Features.Meetings;

/// <summary>Meeting decisions as a ledger: a year's 议定事项 go into the plan "2026年会议议定事项".</summary>
internal sealed class MeetingLedgerKind : ILedgerKind
{
    public WorkKind Kind => WorkKind.MeetingDecision;
    public string PlanTitle => "会议议定事项";
    public string? PlanDescription => "会议议定事项台账：会议纪要议定的事项，逐项明确牵头科室、配合科室和完成时限。";
}
