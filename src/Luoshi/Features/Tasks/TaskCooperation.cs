namespace Luoshi.Features.Tasks;

/// <summary>A cooperating section (配合科室): secondary responsibility, with its own part.</summary>
internal sealed class TaskCooperation
{
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public int SectionId { get; set; }

    /// <summary>What this section contributes (its part of the task).</summary>
    public string? Part { get; set; }

    /// <summary>The task is not done (<see cref="WorkTask.CompletedOn"/> is empty), kept beside the
    /// cooperation by <see cref="CooperationOpenInterceptor"/>: a list of open tasks looks only at the open
    /// cooperations (a partial index), not at every task the section has ever cooperated on.</summary>
    public bool TaskOpen { get; set; } = true;
}
