using Luoshi.Features.Tasks;

namespace Luoshi.Features.Lights;

/// <summary>
/// The roll-up of a task's parts (分解任务: its sub-tasks, <see cref="WorkTask.ParentId"/>) into the task.
/// <list type="bullet">
/// <item>Progress: an open task with parts has the weighted mean of its parts' progress, a done part
/// counting 100, rounded down (100% only when every part is done); the lead section's own reported
/// figure stays in its report. A done task keeps its progress.</item>
/// <item>Light: the task is never lighter than its open parts. Each part's dated facts are folded
/// into the task as the earliest of them (<see cref="WorkTask.PartsDueBy"/> and the others), and a part's
/// facts already hold its own parts', so one level carries every depth. The light rules then compare
/// them with the day like the task's own facts, in memory and in the database alike.</item>
/// </list>
/// Because a part's light is a fact compared with the day, the earliest of the parts' facts turns the
/// task red or yellow on the same day the first part turns, with no write on that day.
/// </summary>
internal static class PartsRollUp
{
    public static void Apply(WorkTask task, IReadOnlyCollection<WorkTask> parts)
    {
        var open = parts.Where(p => p.CompletedOn is null).ToList();
        task.PartsDueBy = Earliest(open.SelectMany(p => new[] { p.DueBy, p.NextMilestoneDueBy, p.PartsDueBy }));
        task.PartsMilestoneDueBy = Earliest(open.SelectMany(p => new[] { p.NextMilestoneDueBy, p.PartsMilestoneDueBy }));
        task.PartsWarnFrom = Earliest(open.SelectMany(p => new[] { p.ReportMissingFrom, p.BehindFrom, p.PartsWarnFrom }));
        if (task.CompletedOn is null && Progress(parts) is { } progress)
        {
            task.ProgressPercent = progress;
        }
    }

    /// <summary>The weighted mean of the parts' progress (a done part counts 100), rounded down; null
    /// without parts.</summary>
    public static int? Progress(IReadOnlyCollection<WorkTask> parts)
    {
        var weight = parts.Sum(p => (long)Math.Max(1, p.Weight));
        if (weight == 0)
        {
            return null;
        }

        var sum = parts.Sum(p => (long)Math.Max(1, p.Weight) * (p.CompletedOn is null ? Math.Clamp(p.ProgressPercent, 0, 100) : 100));
        return (int)(sum / weight);
    }

    private static DateOnly? Earliest(IEnumerable<DateOnly?> dates) => dates.Min();
}
