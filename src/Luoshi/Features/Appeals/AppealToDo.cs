using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Appeals;

/// <summary>
/// 待答复诉求: appeals assigned to the viewer's section (stage 办理) and not yet answered; for a staff
/// member those he or she handles and those with nobody named.
/// </summary>
internal sealed class AppealReplyToDo(LuoshiDb db, BureauClock clock) : IToDoSource
{
    public string Heading => "待答复诉求";

    public int Order => 40;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) =>
        viewer.SectionId is null || viewer.Role == Role.Leader ? Task.FromResult(0) : Waiting(viewer).CountAsync(ct);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct) =>
        viewer.SectionId is null || viewer.Role == Role.Leader ? [] : await AppealItems.ListAsync(Waiting(viewer), db, clock.Today, take, ct);

    private IQueryable<WorkTask> Waiting(Viewer viewer)
    {
        var (section, me) = (viewer.SectionId, viewer.PersonId);
        var appeals = db.Tasks.Where(t => t.UnitId == viewer.UnitId && t.Kind == WorkKind.Appeal && t.Stage == "办理" && t.LeadSectionId == section);
        return viewer.Role == Role.Staff ? appeals.Where(t => t.ResponsiblePersonId == me || t.ResponsiblePersonId == null) : appeals;
    }
}

/// <summary>待分办诉求: appeals received (from the public, stage 受理) that the office has yet to assign to a section.</summary>
internal sealed class AppealIntakeToDo(LuoshiDb db, BureauClock clock) : IToDoSource
{
    public string Heading => "待分办诉求";

    public int Order => 41;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) => viewer.IsAdmin ? Waiting(viewer).CountAsync(ct) : Task.FromResult(0);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct) =>
        viewer.IsAdmin ? await AppealItems.ListAsync(Waiting(viewer), db, clock.Today, take, ct) : [];

    private IQueryable<WorkTask> Waiting(Viewer viewer) =>
        db.Tasks.Where(t => t.UnitId == viewer.UnitId && t.Kind == WorkKind.Appeal && t.Stage == "受理");
}

internal static class AppealItems
{
    public static async Task<IReadOnlyList<ToDoItem>> ListAsync(IQueryable<WorkTask> appeals, LuoshiDb db, DateOnly today, int take, CancellationToken ct)
    {
        var rows = await appeals.OrderBy(t => t.DueBy).ThenBy(t => t.Id)
            .Join(db.Appeals, t => t.Id, a => a.TaskId, (t, a) => new { t.Id, t.Title, t.DueDate, t.DueBy, a.Category, a.ReceivedOn, a.Receipt })
            .Take(take).ToListAsync(ct);
        return [.. rows.Select(r => new ToDoItem(r.Title, $"/Appeals/{r.Id}", $"{r.Category} · {DeskDates.Short(r.ReceivedOn, today)}收到 · 回执号 {r.Receipt}", r.DueDate, r.DueBy < today))];
    }
}
