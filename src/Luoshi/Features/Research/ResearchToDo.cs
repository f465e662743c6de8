using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Research;

/// <summary>待审调研报告: a report version waiting for the topic's leading leader (or the office).</summary>
internal sealed class ReportsToReviewSource(LuoshiDb db) : IToDoSource
{
    public string Heading => "待审调研报告";

    public int Order => 60;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) => Waiting(viewer).CountAsync(ct);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct) =>
        [.. (await Waiting(viewer).Take(take).ToListAsync(ct))
            .Select(x => new ToDoItem(x.Title, $"/Research/{x.TaskId}#report", $"第{x.Version}版调研报告待审阅", x.ReportDue, false))];

    private IQueryable<Waiting> Waiting(Viewer viewer)
    {
        // One query for everyone (the desk counts it asynchronously); only the office and leaders get rows.
        var reviews = viewer.IsAdmin || viewer.Role == Role.Leader;
        var mine = viewer.IsAdmin;
        var me = viewer.PersonId;
        return from r in db.ResearchReports
               join t in db.Tasks on r.TaskId equals t.Id
               join d in db.ResearchTopics on t.Id equals d.TaskId
               where reviews && r.UnitId == viewer.UnitId && t.Kind == WorkKind.Research && r.Status == ReportStatus.Submitted && (mine || t.LeadLeaderId == me)
               orderby r.SubmittedAt
               select new Waiting(t.Id, t.Title, r.Version, r.SubmittedAt, d.ReportDue);
    }
}

/// <summary>待修改调研报告: the newest version was returned; the lead section sends the next.</summary>
internal sealed class ReportsToReviseSource(LuoshiDb db) : IToDoSource
{
    public string Heading => "待修改调研报告";

    public int Order => 61;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) => Returned(viewer).CountAsync(ct);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct) =>
        [.. (await Returned(viewer).Take(take).ToListAsync(ct))
            .Select(x => new ToDoItem(x.Title, $"/Research/{x.TaskId}#report", $"第{x.Version}版调研报告被退回修改", x.ReportDue, false))];

    private IQueryable<Waiting> Returned(Viewer viewer)
    {
        // One query for everyone (the desk counts it asynchronously); only members of a section get rows.
        var member = viewer.Role is Role.Staff or Role.SectionHead && viewer.SectionId is not null;
        var section = viewer.SectionId ?? 0;
        return from r in db.ResearchReports
               join t in db.Tasks on r.TaskId equals t.Id
               join d in db.ResearchTopics on t.Id equals d.TaskId
               where member && r.UnitId == viewer.UnitId && t.LeadSectionId == section && r.Status == ReportStatus.Returned && d.ClosedAt == null
                   && !db.ResearchReports.Any(n => n.TaskId == r.TaskId && n.Version > r.Version)
               orderby r.DecidedAt
               select new Waiting(t.Id, t.Title, r.Version, r.SubmittedAt, d.ReportDue);
    }
}

internal sealed record Waiting(int TaskId, string Title, int Version, DateTime SubmittedAt, DateOnly ReportDue);
