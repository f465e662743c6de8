using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;

namespace Luoshi.Features.Projects;

/// <summary>Key projects as a ledger: a year's projects go into the plan "2026年重点项目", unless
/// the office names another plan when registering one.</summary>
internal sealed class ProjectLedgerKind : ILedgerKind
{
    public WorkKind Kind => WorkKind.Project;
    public string PlanTitle => "重点项目";
    public string? PlanDescription => "重点项目台账：意向、签约、资金到位、开工、投产/竣工，分包到人。";
}
