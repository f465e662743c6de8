using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Research;

internal sealed record FileDto(string FileName, string ContentType, long Size, string Sha256);

internal sealed record VisitDto(long Id, DateOnly VisitedOn, string Place, string PeopleMet, string Notes, FileDto? File, string RecordedBy, DateTime RecordedAt);

internal sealed record ReportDto(long Id, int Version, string Status, string? Text, FileDto? File, string SubmittedBy, DateTime SubmittedAt, string? DecidedBy, DateTime? DecidedAt, string? Comment);

internal sealed record FindingDto(long Id, int Number, string Text, int? TaskId, string? TaskTitle, Light? TaskLight, LightReason? TaskLightReason, bool TaskDone);

/// <summary>A topic as shown on its page and by the API.</summary>
internal sealed record TopicDto(
    int Id, string Title, string Stage, int? LeadLeaderId, string? Leader, int LeadSectionId, string Section, List<string> CooperatingSections,
    string Questions, string Places, DateOnly ReportDue, DateOnly CloseDue, Light Light, LightReason LightReason, DateTime? ClosedAt,
    List<VisitDto> Visits, List<ReportDto> Reports, List<FindingDto> Findings);

internal static class ResearchDetail
{
    public static FileDto? Of(ResearchFile f) => f.Exists ? new FileDto(f.FileName!, f.ContentType!, f.Size ?? 0, f.Sha256!) : null;

    public static async Task<TopicDto?> LoadAsync(LuoshiDb db, Viewer viewer, int id, CancellationToken ct)
    {
        var task = await ResearchAccess.Topics(db, viewer).AsNoTracking().Include(t => t.Cooperations).FirstOrDefaultAsync(t => t.Id == id, ct);
        var details = task is null ? null : await db.ResearchTopics.AsNoTracking().FirstOrDefaultAsync(d => d.TaskId == id, ct);
        if (task is null || details is null)
        {
            return null;
        }

        var names = await db.People.Where(p => p.UnitId == viewer.UnitId).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var sections = await db.Sections.Where(s => s.UnitId == viewer.UnitId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var visits = await db.ResearchVisits.AsNoTracking().Where(v => v.TaskId == id).OrderBy(v => v.VisitedOn).ThenBy(v => v.Id).ToListAsync(ct);
        var reports = await db.ResearchReports.AsNoTracking().Where(r => r.TaskId == id).OrderBy(r => r.Version).ToListAsync(ct);
        var findings = await (from f in db.ResearchFindings.Where(f => f.TaskId == id)
                              join t in db.Tasks on f.ResultTaskId equals t.Id into made
                              from t in made.DefaultIfEmpty()
                              orderby f.Number
                              select new FindingDto(f.Id, f.Number, f.Text, f.ResultTaskId, t == null ? null : t.Title, t == null ? null : t.Light,
                                  t == null ? null : t.LightReason, t != null && t.CompletedOn != null)).AsNoTracking().ToListAsync(ct);
        string Name(int? person) => person is { } p ? names.GetValueOrDefault(p, "") : "";
        return new TopicDto(
            task.Id, task.Title, task.Stage ?? ResearchStages.Set, task.LeadLeaderId, task.LeadLeaderId is null ? null : Name(task.LeadLeaderId),
            task.LeadSectionId, sections.GetValueOrDefault(task.LeadSectionId, ""), [.. task.Cooperations.Select(c => sections.GetValueOrDefault(c.SectionId, ""))],
            details.Questions, details.Places, details.ReportDue, task.DueDate, task.Light, task.LightReason, details.ClosedAt,
            [.. visits.Select(v => new VisitDto(v.Id, v.VisitedOn, v.Place, v.PeopleMet, v.Notes, Of(v.File), Name(v.RecordedById), v.RecordedAt))],
            [.. reports.Select(r => new ReportDto(r.Id, r.Version, ResearchList.StatusName(r.Status), r.Text, Of(r.File), Name(r.SubmittedById), r.SubmittedAt,
                r.DecidedById is null ? null : Name(r.DecidedById), r.DecidedAt, r.Comment))],
            findings);
    }

    /// <summary>A visit's or report version's file, if the viewer may see the topic: (file, bytes), bytes null when altered.</summary>
    public static async Task<(ResearchFile File, byte[]? Bytes)?> OpenAsync(LuoshiDb db, ResearchFiles files, Viewer viewer, int id, long? visitId, int? version, CancellationToken ct)
    {
        if (!await ResearchAccess.Topics(db, viewer).AnyAsync(t => t.Id == id, ct))
        {
            return null;
        }

        var file = visitId is { } v
            ? await db.ResearchVisits.AsNoTracking().Where(x => x.TaskId == id && x.Id == v).Select(x => x.File).FirstOrDefaultAsync(ct)
            : await db.ResearchReports.AsNoTracking().Where(x => x.TaskId == id && x.Version == version).Select(x => x.File).FirstOrDefaultAsync(ct);
        if (file is not { Exists: true })
        {
            return null;
        }

        return (file, await files.ReadStoredAsync(file, ct));
    }
}
