using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Supervision;

/// <summary>
/// 待签收: tasks assigned to the viewer's section and not yet signed for (<see cref="TaskSigning.MaySign"/>).
/// The head (and the office for its own section) sees the section's; a staff member those he or she
/// is responsible for and those with nobody named yet. Appeals are left to 待答复诉求.
/// </summary>
internal sealed class SignToDo(LuoshiDb db, BureauClock clock) : IToDoSource
{
    public string Heading => "待签收";

    public int Order => 10;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) =>
        viewer.SectionId is null || viewer.Role == Role.Leader ? Task.FromResult(0) : Waiting(viewer).CountAsync(ct);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct)
    {
        if (viewer.SectionId is null || viewer.Role == Role.Leader)
        {
            return [];
        }

        var today = clock.Today;
        var rows = await Waiting(viewer)
            .OrderBy(t => t.SignDueBy == null).ThenBy(t => t.SignDueBy).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Number, t.Title, t.AssignedOn, t.SignDueBy, t.DueDate })
            .Take(take).ToListAsync(ct);
        return [.. rows.Select(t => new ToDoItem(
            TaskTitle.Of(t.Number, t.Title), $"/Tasks/{t.Id}",
            $"{(t.AssignedOn is { } on ? DeskDates.Short(on, today) + "交办，" : "")}任务时限 {DeskDates.Formal(t.DueDate)}",
            t.SignDueBy, t.SignDueBy < today))];
    }

    private IQueryable<WorkTask> Waiting(Viewer viewer)
    {
        var section = viewer.SectionId;
        var me = viewer.PersonId;
        var tasks = db.Tasks.Where(t => t.UnitId == viewer.UnitId && t.LeadSectionId == section && t.SignedAt == null && t.CompletedOn == null && t.Kind != WorkKind.Appeal);
        return viewer.Role == Role.Staff ? tasks.Where(t => t.ResponsiblePersonId == me || t.ResponsiblePersonId == null).ReadableBy(viewer) : tasks;
    }
}
