using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Dispatch;

/// <summary>待签收交办: what a unit above assigned to this unit, waiting for the office to sign or return it.</summary>
internal sealed class ToSignSource(LuoshiDb db, BureauClock clock) : IToDoSource
{
    public string Heading => "待签收交办";

    public int Order => 12;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) =>
        viewer.IsAdmin ? Waiting(viewer.UnitId).CountAsync(ct) : Task.FromResult(0);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return [];
        }

        // The assigner's title, read across units for exactly the parties waiting here.
        var rows = await (from p in Waiting(viewer.UnitId)
                          join t in db.Tasks.IgnoreQueryFilters([UnitKeys.FilterName]) on new { U = p.SourceUnitId, I = p.SourceTaskId } equals new { U = t.UnitId, I = t.Id }
                          join u in db.Units on p.SourceUnitId equals u.Id
                          orderby p.ReturnBy, p.Id
                          select new { p.Id, t.Title, Unit = u.Name, p.IsLead, p.ReturnBy }).Take(take).ToListAsync(ct);
        var today = clock.Today;
        return [.. rows.Select(r => new ToDoItem(r.Title, $"/Dispatch/Received/{r.Id}", $"{r.Unit}交办（{(r.IsLead ? "牵头" : "配合")}），{Ui.Date(r.ReturnBy)} 前可退办", r.ReturnBy, r.ReturnBy < today))];
    }

    private IQueryable<DispatchParty> Waiting(int unitId) =>
        db.DispatchParties.Where(p => p.UnitId == unitId && p.State == DispatchState.Waiting);
}

/// <summary>待处理退回交办: parts a unit below sent back, waiting for this office to reassign or confirm.</summary>
internal sealed class ReturnedSource(LuoshiDb db, Dispatches dispatches) : IToDoSource
{
    public string Heading => "待处理退回交办";

    public int Order => 46;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) =>
        viewer.IsAdmin ? Returned(viewer.UnitId).CountAsync(ct) : Task.FromResult(0);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return [];
        }

        var rows = await (from p in Returned(viewer.UnitId)
                          join t in db.Tasks on new { U = p.SourceUnitId, I = p.SourceTaskId } equals new { U = t.UnitId, I = t.Id }
                          join u in db.Units on p.UnitId equals u.Id
                          orderby p.ReturnedAt, p.Id
                          select new { p.SourceTaskId, t.Title, Unit = u.Name, p.ReturnReason }).Take(take).ToListAsync(ct);
        return [.. rows.Select(r => new ToDoItem(r.Title, $"/Dispatch/{r.SourceTaskId}", $"{r.Unit}退办：{r.ReturnReason}", null, false))];
    }

    private IQueryable<DispatchParty> Returned(int unitId) => dispatches.Parties(unitId).Where(p => p.State == DispatchState.Returned);
}
