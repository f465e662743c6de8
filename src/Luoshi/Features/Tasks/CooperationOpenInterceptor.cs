using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Tasks;

/// <summary>
/// Keeps <see cref="TaskCooperation.TaskOpen"/> true to its task: a save that completes or reopens a task,
/// or adds a cooperation, sets the flag of the cooperations concerned from their tasks as saved, in the
/// save's transaction. Read from the database after the rows are written, so the flag is right whichever
/// path completed the task (a decision, an appeal, a recheck, a directive, a review) and whatever order
/// the rows were saved in.
/// </summary>
internal sealed class CooperationOpenInterceptor : BesideSaveInterceptor<CooperationOpenInterceptor.Touched>
{
    public static readonly CooperationOpenInterceptor Instance = new();

    /// <summary>Entities, not ids: a task and its cooperations added in the same save have their ids only after it.</summary>
    internal sealed record Touched(List<WorkTask> Tasks, List<TaskCooperation> Cooperations);

    protected override Touched? Take(LuoshiDb db)
    {
        var tasks = db.ChangeTracker.Entries<WorkTask>()
            .Where(e => e.State == EntityState.Modified && e.Property(t => t.CompletedOn).IsModified)
            .Select(e => e.Entity).ToList();
        // A new cooperation is open by default: only one of a done task needs its flag turned.
        var added = db.ChangeTracker.Entries<TaskCooperation>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        return tasks.Count > 0 || added.Count > 0 ? new Touched(tasks, added) : null;
    }

    protected override async Task WriteAsync(LuoshiDb db, Touched taken, CancellationToken ct)
    {
        foreach (var unit in taken.Tasks.Select(t => (t.UnitId, t.Id)).Concat(taken.Cooperations.Select(c => (c.UnitId, Id: c.TaskId))).GroupBy(t => t.UnitId))
        {
            var unitId = unit.Key;
            var ids = unit.Select(t => t.Id).Distinct().ToList();
            await db.TaskCooperations.Where(c => c.UnitId == unitId && ids.Contains(c.TaskId))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.TaskOpen, c => db.Tasks.Any(t => t.UnitId == c.UnitId && t.Id == c.TaskId && t.CompletedOn == null)), ct);
        }
    }
}
