using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Instructions;

/// <summary>待签阅批示: leaders' instructions on the section's tasks not yet acknowledged; for the
/// head all of the section's, for a staff member those on the tasks he or she is responsible for.</summary>
internal sealed class InstructionsToAcknowledgeSource(LuoshiDb db) : IToDoSource
{
    public string Heading => "待签阅批示";

    public int Order => 52;

    // Null when the viewer has nothing of this kind: an empty in-memory query has no async provider.
    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) => Query(viewer) is { } query ? query.CountAsync(ct) : Task.FromResult(0);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct)
    {
        if (Query(viewer) is not { } query)
        {
            return [];
        }

        var rows = await query.OrderBy(x => x.Id).Take(take).ToListAsync(ct);
        return [.. rows.Select(x => new ToDoItem($"{x.Leader}批示：{x.Title}", $"/Tasks/{x.TaskId}#instructions", Clip(x.Text), null, false))];
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private sealed class Row
    {
        public long Id { get; init; }
        public int TaskId { get; init; }
        public string Title { get; init; } = "";
        public string Leader { get; init; } = "";
        public string Text { get; init; } = "";
    }

    private IQueryable<Row>? Query(Viewer viewer)
    {
        if (viewer.Role is not (Role.SectionHead or Role.Staff) || viewer.SectionId is not { } section)
        {
            return null;
        }

        var head = viewer.Role == Role.SectionHead;
        var person = viewer.PersonId;
        return db.Instructions.Where(i => i.UnitId == viewer.UnitId && i.AcknowledgedAt == null)
            .Join(db.Tasks.Where(t => t.UnitId == viewer.UnitId && t.LeadSectionId == section && (head || t.ResponsiblePersonId == person)), i => i.TaskId, t => t.Id, (i, t) => new { i, t })
            .Join(db.People, x => x.i.LeaderId, p => p.Id, (x, p) => new Row { Id = x.i.Id, TaskId = x.t.Id, Title = x.t.Title, Leader = p.Name, Text = x.i.Text });
    }
}
