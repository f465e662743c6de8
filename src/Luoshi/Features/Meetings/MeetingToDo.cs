using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Meetings;

/// <summary>待落实议定事项: a meeting's decision the viewer's section leads, not done, due within a week
/// or already past its 时限 (the minutes are cited at the next meeting: the section sees it first).</summary>
internal sealed class DecisionsDueSource(LuoshiDb db, BureauClock clock) : IToDoSource
{
    public const int DaysAhead = 7;

    public string Heading => "待落实议定事项";

    public int Order => 64;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) => Due(viewer).CountAsync(ct);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct) =>
        [.. (await Due(viewer).Take(take).ToListAsync(ct)).Select(x => new ToDoItem(x.Title, $"/Tasks/{x.Id}", x.Source ?? "会议议定事项", x.Due, x.Due < clock.Today))];

    private IQueryable<Row> Due(Viewer viewer)
    {
        // One query for everyone (the desk counts it asynchronously); only members of a section get rows.
        var member = viewer.Role is Role.Staff or Role.SectionHead && viewer.SectionId is not null;
        var section = viewer.SectionId ?? 0;
        var horizon = clock.Today.AddDays(DaysAhead);
        return from t in db.Tasks.VisibleTo(viewer)
               where member && t.Kind == WorkKind.MeetingDecision && t.LeadSectionId == section && t.CompletedOn == null && t.DueBy <= horizon
               orderby t.DueBy, t.Id
               select new Row(t.Id, t.Title, t.SourceLabel, t.DueBy);
    }

    private sealed record Row(int Id, string Title, string? Source, DateOnly Due);
}
