using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Benchmarks;

/// <summary>The tasks made from each indicator's gap that the viewer may see, with their lights.</summary>
internal static class IndicatorTaskLinks
{
    public static async Task<ILookup<string, TaskRow>> LoadAsync(LuoshiDb db, Viewer viewer, int scoreboardId, CancellationToken ct)
    {
        var links = await db.IndicatorTasks.AsNoTracking().Where(l => l.ScoreboardId == scoreboardId && l.UnitId == viewer.UnitId).ToListAsync(ct);
        var ids = links.Select(l => l.TaskId).ToList();
        var rows = await db.Tasks.AsNoTracking().VisibleTo(viewer).Where(t => ids.Contains(t.Id)).ToRows(db).ToListAsync(ct);
        return links.Join(rows, l => l.TaskId, r => r.Id, (l, r) => (l.Indicator, r)).ToLookup(p => p.Indicator, p => p.r);
    }
}
