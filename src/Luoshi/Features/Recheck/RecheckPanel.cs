using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Recheck;

/// <summary>What the task page shows of 回头看: on a closed task, its re-checks and the office's
/// 安排回头看 form; on a re-check's own work item, the original and the 通过/未通过 form.</summary>
internal sealed record RecheckPanelModel(
    int TaskId, bool MaySchedule, IReadOnlyList<ScheduledRecheck> OfThisTask, ScheduledRecheck? ThisRecheck,
    string? OriginalTitle, bool OriginalVisible, bool MayConclude, DateOnly Today);

internal sealed class RecheckPanel(LuoshiDb db, BureauClock clock) : ITaskPagePanel
{
    public string Partial => "/Features/Recheck/_RecheckPanel.cshtml";

    public async Task<object?> ModelAsync(Viewer viewer, WorkTask task, CancellationToken ct) => await BuildAsync(viewer, task, ct);

    public async Task<RecheckPanelModel?> BuildAsync(Viewer viewer, WorkTask task, CancellationToken ct)
    {
        var ofThisTask = await db.Rechecks.AsNoTracking().Where(r => r.UnitId == viewer.UnitId && r.OriginalTaskId == task.Id).OrderByDescending(r => r.Id).ToListAsync(ct);
        var mine = task.Kind == WorkKind.Recheck
            ? await db.Rechecks.AsNoTracking().FirstOrDefaultAsync(r => r.UnitId == viewer.UnitId && r.RecheckTaskId == task.Id, ct)
            : null;
        var maySchedule = Rechecks.MaySchedule(viewer) && task.CompletedOn is not null && task.Kind != WorkKind.Recheck && ofThisTask.All(r => r.Result != RecheckResult.Pending);
        if (ofThisTask.Count == 0 && mine is null && !maySchedule)
        {
            return null;
        }

        string? originalTitle = null;
        var originalVisible = false;
        if (mine is not null)
        {
            originalTitle = await db.Tasks.Where(t => t.UnitId == viewer.UnitId && t.Id == mine.OriginalTaskId).Select(t => t.Title).FirstOrDefaultAsync(ct);
            originalVisible = await db.Tasks.VisibleTo(viewer).AnyAsync(t => t.Id == mine.OriginalTaskId, ct);
        }

        return new RecheckPanelModel(task.Id, maySchedule, ofThisTask, mine, originalTitle, originalVisible,
            viewer.IsAdmin && mine is { Result: RecheckResult.Pending, RecheckTaskId: not null }, clock.Today);
    }
}
