using Luoshi.Features.Tasks;

namespace Luoshi.Features.WorkItems;

/// <summary>
/// A kind of work item kept as a ledger (诉求, 整改措施, 重点项目): what the plan its items of a year go
/// into is called. Each ledger declares it once, in its own folder, and registers it in its XFeature.cs
/// (<c>services.AddSingleton&lt;ILedgerKind, XLedgerKind&gt;()</c>); <see cref="WorkItemCreator"/>
/// finds the declaration by kind.
/// </summary>
internal interface ILedgerKind
{
    WorkKind Kind { get; }

    /// <summary>The plan's title after the year: "重点项目" gives "2026年重点项目".</summary>
    string PlanTitle { get; }

    string? PlanDescription { get; }
}
