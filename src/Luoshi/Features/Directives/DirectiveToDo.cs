using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Directives;

/// <summary>待报办理情况: a 批示件 whose current round has no report yet, on the lead section's desk
/// (its head and responsible person; the rest of the section only when the item is not restricted).</summary>
internal sealed class DirectivesToReportSource(LuoshiDb db) : IToDoSource
{
    public string Heading => "待报办理情况";

    public int Order => 62;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) => OwedBy(viewer).CountAsync(ct);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct) =>
        [.. (await OwedBy(viewer).Take(take).ToListAsync(ct)).Select(x => new ToDoItem(x.Title, $"/Directives/{x.Id}#report", $"{x.Number}第{x.Round}轮批示待报办理情况", x.Due, false))];

    private IQueryable<Owed> OwedBy(Viewer viewer)
    {
        // One query for everyone (the desk counts it asynchronously); only members of a section get rows.
        var member = viewer.Role is Role.Staff or Role.SectionHead && viewer.SectionId is not null;
        var section = viewer.SectionId ?? 0;
        return from t in db.Tasks.VisibleTo(viewer)
               join d in db.DirectiveDetails on t.Id equals d.TaskId
               let round = db.DirectiveInstructions.Where(i => i.TaskId == t.Id).Max(i => (int?)i.Round) ?? 1
               where member && t.Kind == WorkKind.Directive && t.LeadSectionId == section && d.ClosedAt == null
                   && !db.DirectiveReports.Any(r => r.TaskId == t.Id && r.Round == round)
               orderby t.DueDate, t.Id
               select new Owed(t.Id, t.Title, d.DocumentNumber, round, t.DueDate);
    }

    private sealed record Owed(int Id, string Title, string Number, int Round, DateOnly Due);
}

/// <summary>待呈阅: a handling report the office presents to the instructing leader and whose answer it
/// records (only the office members who may read the item).</summary>
internal sealed class DirectivesToPresentSource(LuoshiDb db) : IToDoSource
{
    public string Heading => "待呈阅批示件";

    public int Order => 63;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) => WaitingFor(viewer).CountAsync(ct);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct) =>
        [.. (await WaitingFor(viewer).Take(take).ToListAsync(ct)).Select(x => new ToDoItem(x.Title, $"/Directives/{x.Id}#response", $"{x.Number}第{x.Round}轮办理情况待呈{x.Leader}阅示", x.Due, false))];

    private IQueryable<Waiting> WaitingFor(Viewer viewer)
    {
        var office = viewer.IsAdmin;
        return from r in db.DirectiveReports
               join t in db.Tasks.VisibleTo(viewer) on r.TaskId equals t.Id
               join d in db.DirectiveDetails on t.Id equals d.TaskId
               where office && r.Response == null
               orderby r.SubmittedAt
               select new Waiting(t.Id, t.Title, d.DocumentNumber, d.Leader, r.Round, t.DueDate);
    }

    private sealed record Waiting(int Id, string Title, string Number, string Leader, int Round, DateOnly Due);
}
