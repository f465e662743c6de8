using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Assignment;

/// <summary>待处理退办: tasks the lead section sent back, waiting for the office to 改派 or 坚持.</summary>
internal sealed class PendingReturnsSource(LuoshiDb db) : IToDoSource
{
    public string Heading => "待处理退办";

    public int Order => 45;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) =>
        viewer.IsAdmin ? Pending(viewer.UnitId).CountAsync(ct) : Task.FromResult(0);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return [];
        }

        var rows = await Pending(viewer.UnitId)
            .Join(db.Tasks, r => r.TaskId, t => t.Id, (r, t) => new { r.Id, r.RequestedAt, r.Reason, t.Number, t.Title, r.SectionId })
            .Join(db.Sections, x => x.SectionId, s => s.Id, (x, s) => new { x.Id, x.RequestedAt, x.Reason, x.Number, x.Title, Section = s.Name })
            .OrderBy(x => x.RequestedAt).ThenBy(x => x.Id).Take(take).ToListAsync(ct);
        return [.. rows.Select(x => new ToDoItem($"{x.Number}{x.Title}", $"/Returns/{x.Id}", $"{x.Section}退办：{x.Reason}", null, false))];
    }

    private IQueryable<TaskReturn> Pending(int unitId) =>
        db.TaskReturns.Where(r => r.UnitId == unitId && r.Status == TaskReturnStatus.Pending);
}
