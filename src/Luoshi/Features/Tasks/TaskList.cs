using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Tasks;

/// <summary>Filters of the task list; all optional.</summary>
internal sealed record TaskFilter(int? PlanId = null, int? SectionId = null, int? LeaderId = null, int? PersonId = null, Light? Light = null, DateOnly? DueBefore = null, string? Text = null);

/// <summary>One row of a task list.</summary>
internal sealed record TaskRow(
    int Id, int PlanId, int? ParentId, string? Number, string Title,
    int LeadSectionId, string LeadSection, int? LeadLeaderId, string? LeadLeader, int? ResponsiblePersonId, string? ResponsiblePerson,
    DateOnly StartDate, DateOnly DueDate, int ProgressPercent, Light Light, LightReason LightReason, DateTime? LastReportedAt);

internal sealed record TaskPage(IReadOnlyList<TaskRow> Items, int Total, int Page, int PageSize);

internal static class TaskList
{
    public const int MaxPageSize = 200;

    public static IQueryable<WorkTask> Filter(this IQueryable<WorkTask> tasks, TaskFilter f)
    {
        if (f.PlanId is { } plan)
        {
            tasks = tasks.Where(t => t.PlanId == plan);
        }

        if (f.SectionId is { } section)
        {
            tasks = tasks.Where(t => t.LeadSectionId == section);
        }

        if (f.LeaderId is { } leader)
        {
            tasks = tasks.Where(t => t.LeadLeaderId == leader);
        }

        if (f.PersonId is { } person)
        {
            tasks = tasks.Where(t => t.ResponsiblePersonId == person);
        }

        if (f.Light is { } light)
        {
            tasks = tasks.Where(t => t.Light == light);
        }

        if (f.DueBefore is { } due)
        {
            tasks = tasks.Where(t => t.DueBy <= due);
        }

        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            var text = f.Text.Trim();
            tasks = tasks.Where(t => t.Title.Contains(text) || (t.Number != null && t.Number == text));
        }

        return tasks;
    }

    public static IQueryable<TaskRow> ToRows(this IQueryable<WorkTask> tasks, LuoshiDb db) =>
        from t in tasks
        join s in db.Sections on t.LeadSectionId equals s.Id
        select new TaskRow(
            t.Id, t.PlanId, t.ParentId, t.Number, t.Title,
            t.LeadSectionId, s.Name,
            t.LeadLeaderId, db.People.Where(p => p.Id == t.LeadLeaderId).Select(p => p.Name).FirstOrDefault(),
            t.ResponsiblePersonId, db.People.Where(p => p.Id == t.ResponsiblePersonId).Select(p => p.Name).FirstOrDefault(),
            t.StartDate, t.DueDate, t.ProgressPercent, t.Light, t.LightReason, t.LastReportedAt);

    /// <summary>A page of the tasks the viewer may see, most urgent first (due date, then id).</summary>
    public static async Task<TaskPage> PageAsync(LuoshiDb db, Viewer viewer, TaskFilter filter, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = db.Tasks.AsNoTracking().VisibleTo(viewer).Filter(filter);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(t => t.DueBy).ThenBy(t => t.Id).Skip((page - 1) * pageSize).Take(pageSize).ToRows(db).ToListAsync(ct);
        return new TaskPage(items, total, page, pageSize);
    }
}
