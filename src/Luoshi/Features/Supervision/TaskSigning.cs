using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;

namespace Luoshi.Features.Supervision;

/// <summary>签收: someone of the lead section signs for the task assigned to it.</summary>
internal sealed class TaskSigning(Data.LuoshiDb db, TaskEditor tasks, BureauClock clock)
{
    public static bool MaySign(Viewer viewer, WorkTask task) =>
        task.SignedAt is null && task.CompletedOn is null && viewer.SectionId == task.LeadSectionId;

    public async Task<Outcome<WorkTask>> SignAsync(Viewer viewer, int taskId, CancellationToken ct)
    {
        // Two of the section signing at once: the second waits for the first and finds it signed.
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId, ct);
        var task = await tasks.FindVisibleAsync(viewer, taskId, ct);
        if (task is null)
        {
            return Outcome<WorkTask>.NotFound();
        }

        if (task.SignedAt is not null)
        {
            return Outcome<WorkTask>.Conflict($"该任务已于 {clock.ToLocal(task.SignedAt.Value):yyyy-MM-dd HH:mm} 签收");
        }

        if (!MaySign(viewer, task))
        {
            return Outcome<WorkTask>.Forbidden("只有牵头科室的人员可以签收");
        }

        var late = task.SignDueBy is { } due && clock.Today > due ? $"（超过签收时限 {Ui.Date(due)}）" : "";
        Signing.Sign(task, viewer.PersonId, clock.UtcNow);
        tasks.AddHistory(task, viewer, "signed", $"{viewer.Name}签收{late}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<WorkTask>.Ok(task);
    }
}
