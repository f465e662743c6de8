using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Research;

/// <summary>One line of the research ledger.</summary>
internal sealed record TopicRow(
    int Id, string Title, string Stage, string? Leader, string Section, DateOnly ReportDue, DateOnly CloseDue, Light Light, LightReason LightReason,
    int Visits, int? ReportVersion, string? ReportStatus, int Findings, int FindingTasks, int FindingTasksDone, bool Closed);

internal static class ResearchList
{
    public static string StatusName(ReportStatus status) => status switch
    {
        ReportStatus.Submitted => "待审阅",
        ReportStatus.Returned => "已退回",
        _ => "已通过",
    };

    /// <summary>The year's topics the viewer may see, by report due date; <paramref name="stage"/> filters.</summary>
    public static async Task<List<TopicRow>> LoadAsync(LuoshiDb db, Viewer viewer, int year, string? stage, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var topics = ResearchAccess.Topics(db, viewer).Where(t => t.StartDate >= from && t.StartDate <= to);
        if (!string.IsNullOrEmpty(stage))
        {
            topics = topics.Where(t => t.Stage == stage);
        }

        var rows = await (from t in topics
                          join d in db.ResearchTopics on t.Id equals d.TaskId
                          orderby d.ReportDue, t.Id
                          select new
                          {
                              t.Id, t.Title, t.Stage, t.LeadLeaderId, t.LeadSectionId, d.ReportDue, t.DueDate, t.Light, t.LightReason, Closed = d.ClosedAt != null,
                              Visits = db.ResearchVisits.Count(v => v.TaskId == t.Id),
                              Report = db.ResearchReports.Where(r => r.TaskId == t.Id).OrderByDescending(r => r.Version).Select(r => new { r.Version, r.Status }).FirstOrDefault(),
                              Findings = db.ResearchFindings.Count(f => f.TaskId == t.Id),
                              Tasks = db.ResearchFindings.Count(f => f.TaskId == t.Id && f.ResultTaskId != null),
                              Done = db.ResearchFindings.Count(f => f.TaskId == t.Id && db.Tasks.Any(x => x.Id == f.ResultTaskId && x.CompletedOn != null)),
                          }).AsNoTracking().ToListAsync(ct);
        var people = await db.People.Where(p => p.UnitId == viewer.UnitId && p.Role == Role.Leader).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var sections = await db.Sections.Where(s => s.UnitId == viewer.UnitId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return [.. rows.Select(r => new TopicRow(
            r.Id, r.Title, r.Stage ?? ResearchStages.Set, r.LeadLeaderId is { } l ? people.GetValueOrDefault(l) : null, sections.GetValueOrDefault(r.LeadSectionId, ""),
            r.ReportDue, r.DueDate, r.Light, r.LightReason, r.Visits, r.Report?.Version, r.Report is null ? null : StatusName(r.Report.Status),
            r.Findings, r.Tasks, r.Done, r.Closed))];
    }
}
