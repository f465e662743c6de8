using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Requests;

/// <summary>
/// 待审批延期: pending extension requests the viewer must decide. The task's lead leader decides;
/// requests on tasks with no active lead leader wait for the office. A leader's request that stays
/// undecided reaches the office too (which may decide any request, <see cref="TaskRequests.MayDecideExtension"/>):
/// after <see cref="OfficeAfterDays"/> days, or at once when the deadline it would move has passed,
/// so a request is never left waiting on a leader who does not act while the task turns red.
/// </summary>
internal sealed class ExtensionToDo(LuoshiDb db, BureauClock clock) : IToDoSource
{
    public const int OfficeAfterDays = 3;

    public string Heading => "待审批延期";

    public int Order => 30;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) => Waiting(viewer).CountAsync(ct);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct)
    {
        var today = clock.Today;
        var rows = await Waiting(viewer).Join(db.Tasks, r => r.TaskId, t => t.Id, (r, t) => new
            {
                t.Id, t.Number, t.Title, r.CurrentDueDate, r.NewDueDate, r.Reason, RequestId = r.Id, t.LeadLeaderId,
                By = db.People.Where(p => p.Id == r.RequestedById).Select(p => p.Name).FirstOrDefault(),
                Leader = db.People.Where(p => p.Id == t.LeadLeaderId && p.IsActive).Select(p => p.Name).FirstOrDefault(),
            })
            .OrderBy(x => x.CurrentDueDate).ThenBy(x => x.RequestId)
            .Take(take).ToListAsync(ct);
        return [.. rows.Select(r => new ToDoItem(
            TaskTitle.Of(r.Number, r.Title), $"/Tasks/{r.Id}#requests",
            $"{r.By}申请延至{DeskDates.Short(r.NewDueDate, today)}：{Clip(r.Reason)}{(viewer.IsAdmin && r.Leader is { } l && r.LeadLeaderId != viewer.PersonId ? $"（{l}尚未审批）" : "")}",
            r.CurrentDueDate, r.CurrentDueDate < today))];
    }

    private IQueryable<ExtensionRequest> Waiting(Viewer viewer)
    {
        var (unit, me) = (viewer.UnitId, viewer.PersonId);
        // Two shapes rather than one with a flag, so that the leader's is a plain join on his tasks
        // (index on UnitId, LeadLeaderId) and the planner never has to consider the office's branch.
        var pending = db.ExtensionRequests.Where(r => r.UnitId == unit && r.Status == RequestStatus.Pending);
        if (!viewer.IsAdmin)
        {
            return pending.Join(db.Tasks.Where(t => t.UnitId == unit && t.LeadLeaderId == me), r => r.TaskId, t => t.Id, (r, _) => r);
        }

        var (stale, today) = (clock.UtcNow.AddDays(-OfficeAfterDays), clock.Today);
        return pending.Join(db.Tasks.Where(t => t.UnitId == unit), r => r.TaskId, t => t.Id, (r, t) => new { r, t })
            .Where(x => x.t.LeadLeaderId == me || x.t.LeadLeaderId == null || !db.People.Any(p => p.Id == x.t.LeadLeaderId && p.IsActive)
                || x.r.RequestedAt <= stale || x.r.CurrentDueDate < today)
            .Select(x => x.r);
    }

    internal static string Clip(string text) => text.Length <= 60 ? text : text[..59] + "…";
}

/// <summary>待办结审核: completion claims waiting for the office (办结, 销号, or back with a reason).</summary>
internal sealed class CompletionToDo(LuoshiDb db, BureauClock clock) : IToDoSource
{
    public string Heading => "待办结审核";

    public int Order => 31;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) =>
        viewer.IsAdmin ? db.CompletionRequests.CountAsync(r => r.UnitId == viewer.UnitId && r.Status == RequestStatus.Pending, ct) : Task.FromResult(0);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return [];
        }

        var today = clock.Today;
        var rows = await db.CompletionRequests.Where(r => r.UnitId == viewer.UnitId && r.Status == RequestStatus.Pending)
            .Join(db.Tasks, r => r.TaskId, t => t.Id, (r, t) => new { r.Id, r.RequestedAt, r.ClaimedOn, TaskId = t.Id, t.Number, t.Title, t.DueDate, By = db.People.Where(p => p.Id == r.RequestedById).Select(p => p.Name).FirstOrDefault() })
            .OrderBy(x => x.RequestedAt).ThenBy(x => x.Id)
            .Take(take).ToListAsync(ct);
        return [.. rows.Select(r => new ToDoItem(
            TaskTitle.Of(r.Number, r.Title), $"/Tasks/{r.TaskId}#requests",
            $"{r.By}于{DeskDates.Short(r.ClaimedOn, today)}申报完成", r.DueDate, false))];
    }
}
