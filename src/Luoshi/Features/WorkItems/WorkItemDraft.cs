using Luoshi.Features.Plans;
using Luoshi.Features.Tasks;

namespace Luoshi.Features.WorkItems;

/// <summary>A work item to create: its kind, the task as any task is described, and what the kind
/// adds. <see cref="TaskInput.PlanId"/> of <paramref name="Task"/> is set by <see cref="WorkItemCreator"/>.</summary>
internal sealed record WorkItemDraft(WorkKind Kind, TaskInput Task)
{
    public IReadOnlyList<MilestoneInput>? Milestones { get; init; }

    /// <summary>The first stage, for kinds that have stages.</summary>
    public string? Stage { get; init; }

    /// <summary>The plan to put the item in; null for its kind's ledger plan of the current year.</summary>
    public int? PlanId { get; init; }

    /// <summary>The reporting cadence asked for the item (a 交办's); null for its ledger's plan as it is.</summary>
    public ReportCadence? Cadence { get; init; }

    /// <summary>What the kind adds once the task has its id (its details row, a first stage, a
    /// notice): added to the context here, saved with the task in one transaction.</summary>
    public Func<WorkTask, CancellationToken, Task>? AddDetails { get; init; }
}
