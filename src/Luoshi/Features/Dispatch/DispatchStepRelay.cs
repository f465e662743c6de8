using Luoshi.Data;
using Luoshi.Features.Notices;
using Luoshi.Features.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Dispatch;

/// <summary>
/// A 催办 or 督办 the assigning unit raises on its 交办 reaches the lead unit too: its office and, once it has
/// signed, the leader in charge of its own task (its lead leader). The notice opens the lead unit's page of
/// the 交办; the received task's light and the assigner's 督办 number say what is late. Cooperating units are
/// not told: the lead unit answers for the whole.
/// </summary>
internal sealed class DispatchStepRelay(LuoshiDb db, Dispatches dispatches, DispatchNotices notices) : IStepRelay
{
    public async Task RelayAsync(int unitId, IReadOnlyList<RaisedStep> steps, CancellationToken ct)
    {
        var ids = steps.Select(s => s.TaskId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var tasks = db.Tasks.IgnoreQueryFilters([UnitKeys.FilterName]);
        var leads = await dispatches.Parties(unitId).AsNoTracking()
            .Where(p => ids.Contains(p.SourceTaskId) && p.IsLead && (p.State == DispatchState.Waiting || p.State == DispatchState.Signed))
            .Select(p => new
            {
                p.Id, p.UnitId, p.SourceTaskId, p.ReceivedTaskId,
                Leader = tasks.Where(t => t.UnitId == p.UnitId && t.Id == p.ReceivedTaskId).Select(t => t.LeadLeaderId).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var from = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstAsync(ct);
        foreach (var lead in leads)
        {
            foreach (var step in steps.Where(s => s.TaskId == lead.SourceTaskId))
            {
                var what = step.Step.Chinese();
                await notices.ToAsync(lead.UnitId, lead.Leader, step.Step == StepKind.Supervise ? NoticeKind.Supervise : NoticeKind.Urge, lead.ReceivedTaskId,
                    $"/Dispatch/Received/{lead.Id}", $"【上级{what}】{step.TaskName}",
                    $"{from}{(step.SheetNumber is { } n ? $"（{n}）" : "")}对交办事项“{step.TaskName}”{what}：{step.Body}", ct);
            }
        }
    }
}
