using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Supervision;

/// <summary>待处理督办单: open sheets of the viewer's section that wait for its reply; for the head of
/// the section all of them, for a staff member those of the tasks he or she is responsible for.</summary>
internal sealed class SheetsToReplySource(LuoshiDb db, BureauClock clock) : IToDoSource
{
    public string Heading => "待处理督办单";

    public int Order => 50;

    // Null when the viewer has nothing of this kind: an empty in-memory query has no async provider.
    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) => Query(viewer) is { } query ? query.CountAsync(ct) : Task.FromResult(0);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct)
    {
        var today = clock.Today;
        if (Query(viewer) is not { } query)
        {
            return [];
        }

        var rows = await query.OrderBy(x => x.ReplyDueBy).ThenBy(x => x.Id).Take(take).ToListAsync(ct);
        return [.. rows.Select(x => new ToDoItem($"督办〔{x.Year}〕{x.Sequence}号 {x.Title}", $"/Supervision/Sheet/{x.Id}",
            x.State == SheetState.Issued ? "未签收" : "待反馈", x.ReplyDueBy, x.ReplyDueBy < today))];
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public int? Year { get; init; }
        public int? Sequence { get; init; }
        public string Title { get; init; } = "";
        public DateOnly? ReplyDueBy { get; init; }
        public SheetState State { get; init; }
    }

    private IQueryable<Row>? Query(Viewer viewer)
    {
        if (viewer.Role is not (Role.SectionHead or Role.Staff) || viewer.SectionId is not { } section)
        {
            return null;
        }

        var head = viewer.Role == Role.SectionHead;
        var person = viewer.PersonId;
        return db.EscalationSteps.Where(s => s.UnitId == viewer.UnitId && s.Step == StepKind.Supervise && (s.State == SheetState.Issued || s.State == SheetState.Acknowledged))
            .Join(db.Tasks.Where(t => t.UnitId == viewer.UnitId && t.LeadSectionId == section && t.CompletedOn == null && (head || t.ResponsiblePersonId == person)),
                s => s.TaskId, t => t.Id, (s, t) => new Row { Id = s.Id, Year = s.Year, Sequence = s.Sequence, Title = t.Title, ReplyDueBy = s.ReplyDueBy, State = s.State });
    }
}

/// <summary>待审核反馈: replies to 督办单 waiting for the office.</summary>
internal sealed class RepliesToReviewSource(LuoshiDb db) : IToDoSource
{
    public string Heading => "待审核反馈";

    public int Order => 51;

    // Null when the viewer has nothing of this kind: an empty in-memory query has no async provider.
    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) => Query(viewer) is { } query ? query.CountAsync(ct) : Task.FromResult(0);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct)
    {
        if (Query(viewer) is not { } query)
        {
            return [];
        }

        var rows = await query.OrderBy(x => x.SubmittedAt).Take(take).ToListAsync(ct);
        return [.. rows.Select(x => new ToDoItem($"督办〔{x.Year}〕{x.Sequence}号 {x.Title}", $"/Supervision/Sheet/{x.StepId}", "科室已反馈，待办公室审核", null, false))];
    }

    private sealed class Row
    {
        public long StepId { get; init; }
        public int? Year { get; init; }
        public int? Sequence { get; init; }
        public string Title { get; init; } = "";
        public DateTime SubmittedAt { get; init; }
    }

    private IQueryable<Row>? Query(Viewer viewer) => !viewer.IsAdmin
        ? null
        : db.SheetReplies.Where(r => r.UnitId == viewer.UnitId && r.Status == ReplyStatus.Pending)
            .Join(db.EscalationSteps, r => r.StepId, s => s.Id, (r, s) => new { r, s })
            .Join(db.Tasks, x => x.r.TaskId, t => t.Id, (x, t) => new Row { StepId = x.s.Id, Year = x.s.Year, Sequence = x.s.Sequence, Title = t.Title, SubmittedAt = x.r.SubmittedAt });
}
