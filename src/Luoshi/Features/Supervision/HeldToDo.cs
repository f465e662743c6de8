using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Supervision;

/// <summary>待确认督办单: a held mass 督办 waits for the office as one item (not put off by 暂缓 to a later day).</summary>
internal sealed class HeldSheetsSource(LuoshiDb db, BureauClock clock) : IToDoSource
{
    public string Heading => "待确认督办单";

    public int Order => 40;

    public async Task<int> CountAsync(Viewer viewer, CancellationToken ct) =>
        viewer.IsAdmin && await Waiting(viewer.UnitId).AnyAsync(ct) ? 1 : 0;

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct)
    {
        if (!viewer.IsAdmin || take < 1)
        {
            return [];
        }

        var waiting = await Waiting(viewer.UnitId).GroupBy(h => 1).Select(g => new { Count = g.Count(), Since = g.Min(h => h.HeldOn) }).FirstOrDefaultAsync(ct);
        return waiting is null ? [] :
            [new ToDoItem($"待确认发出的督办单 {waiting.Count} 份", "/Supervision/Held", "本次督办单数量超过设定值，已暂缓发出，请确认", waiting.Since, false)];
    }

    private IQueryable<HeldSheet> Waiting(int unitId)
    {
        var today = clock.Today;
        return db.HeldSheets.Where(h => h.UnitId == unitId && (h.DeferredUntil == null || h.DeferredUntil <= today));
    }
}
