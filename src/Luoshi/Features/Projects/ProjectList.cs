using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Projects;

/// <summary>A project as the ledger lists it, with the date each stage was reached (null if not yet).</summary>
internal sealed record ProjectRow(int Id, string Title, string Investor, decimal Amount, string Industry, string Section, string? Person,
    string? Stage, Light Light, LightReason LightReason, DateOnly DueDate, DateOnly?[] StageDates);

internal static class ProjectList
{
    public static async Task<List<ProjectRow>> LoadAsync(LuoshiDb db, Viewer viewer, ProjectFilter filter, CancellationToken ct = default)
    {
        var projects = ProjectFunnel.Projects(db, viewer, filter);
        if (filter.Stage is { Length: > 0 } stage)
        {
            projects = projects.Where(t => t.Stage == stage);
        }

        var rows = await projects.Join(db.ProjectDetails, t => t.Id, d => d.TaskId, (t, d) => new
        {
            t.Id, t.Title, d.Investor, d.Amount, d.Industry, t.LeadSectionId, t.ResponsiblePersonId, t.Stage, t.Light, t.LightReason, t.DueDate,
        }).OrderBy(r => r.Id).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var dates = (await db.ProjectStages.Where(s => s.UnitId == viewer.UnitId && ids.Contains(s.TaskId)).Select(s => new { s.TaskId, s.StageIndex, s.ReachedOn }).ToListAsync(ct))
            .ToLookup(s => s.TaskId);
        var sections = await db.Sections.Where(s => s.UnitId == viewer.UnitId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var people = await db.People.Where(p => p.UnitId == viewer.UnitId).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return [.. rows.Select(r =>
        {
            var stageDates = new DateOnly?[ProjectStages.Names.Count];
            foreach (var s in dates[r.Id])
            {
                stageDates[s.StageIndex] = s.ReachedOn;
            }

            return new ProjectRow(r.Id, r.Title, r.Investor, r.Amount, r.Industry, sections.GetValueOrDefault(r.LeadSectionId, ""),
                r.ResponsiblePersonId is { } p ? people.GetValueOrDefault(p) : null, r.Stage, r.Light, r.LightReason, r.DueDate, stageDates);
        })];
    }
}
