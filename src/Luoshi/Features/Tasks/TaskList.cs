using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Tasks;

/// <summary>Filters of the task list; all optional.</summary>
internal sealed record TaskFilter(
    int? PlanId = null, int? SectionId = null, int? LeaderId = null, int? PersonId = null, Light? Light = null, DateOnly? DueBefore = null, string? Text = null,
    WorkKind? Kind = null, bool Unsigned = false, bool Open = false);

/// <summary>The columns the task list sorts by; <see cref="Due"/> (most urgent first) by default.</summary>
internal enum TaskSort
{
    Due = 0,
    Light = 1,
    Progress = 2,
    Section = 3,
    Reported = 4,
}

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

        // 未办结: a person's open tasks, as a Redmine list of open issues.
        if (f.Open)
        {
            tasks = tasks.Where(t => t.CompletedOn == null);
        }

        if (f.Kind is { } kind)
        {
            tasks = tasks.Where(t => t.Kind == kind);
        }

        // 未签收: assigned and not yet signed for, as on the section's 待签收 (appeals are answered, not signed).
        if (f.Unsigned)
        {
            tasks = tasks.Where(t => t.SignedAt == null && t.CompletedOn == null && t.Kind != WorkKind.Appeal);
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

    /// <summary>Ordered by the chosen column, then by id so that pages never overlap or skip.
    /// Light sorts worst first (红, 黄, 绿, 未开始, 已办结) unless reversed; the section sorts in the
    /// unit's own order of sections; tasks never reported come last when sorting by the last report.</summary>
    public static IQueryable<WorkTask> Sort(this IQueryable<WorkTask> tasks, LuoshiDb db, TaskSort sort, bool descending)
    {
        var ordered = (sort, descending) switch
        {
            (TaskSort.Light, false) => tasks.OrderBy(t => t.Light == Light.Red ? 0 : t.Light == Light.Yellow ? 1 : t.Light == Light.Green ? 2 : t.Light == Light.NotStarted ? 3 : 4),
            (TaskSort.Light, true) => tasks.OrderByDescending(t => t.Light == Light.Red ? 0 : t.Light == Light.Yellow ? 1 : t.Light == Light.Green ? 2 : t.Light == Light.NotStarted ? 3 : 4),
            (TaskSort.Progress, false) => tasks.OrderBy(t => t.ProgressPercent),
            (TaskSort.Progress, true) => tasks.OrderByDescending(t => t.ProgressPercent),
            (TaskSort.Section, false) => tasks.OrderBy(t => db.Sections.Where(s => s.Id == t.LeadSectionId).Select(s => s.SortOrder).FirstOrDefault()).ThenBy(t => t.LeadSectionId),
            (TaskSort.Section, true) => tasks.OrderByDescending(t => db.Sections.Where(s => s.Id == t.LeadSectionId).Select(s => s.SortOrder).FirstOrDefault()).ThenByDescending(t => t.LeadSectionId),
            (TaskSort.Reported, false) => tasks.OrderBy(t => t.LastReportedAt == null).ThenBy(t => t.LastReportedAt),
            (TaskSort.Reported, true) => tasks.OrderBy(t => t.LastReportedAt == null).ThenByDescending(t => t.LastReportedAt),
            (_, false) => tasks.OrderBy(t => t.DueBy),
            (_, true) => tasks.OrderByDescending(t => t.DueBy),
        };
        return ordered.ThenBy(t => t.Id);
    }

    /// <summary>A page of the tasks the viewer may see, most urgent first (due date, then id) unless sorted otherwise.</summary>
    /// <remarks>With <paramref name="totals"/>, the total is kept a few seconds per person and filter (see <see cref="TaskTotals"/>).</remarks>
    public static async Task<TaskPage> PageAsync(LuoshiDb db, Viewer viewer, TaskFilter filter, int page, int pageSize, CancellationToken ct, TaskSort sort = TaskSort.Due, bool descending = false,
        TaskTotals? totals = null)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        // The same tasks twice, shaped for what PostgreSQL does best with each: the total counts them
        // through the indexes (TaskAccess.VisibleToForCounting), the page reads them in order.
        var counted = db.Tasks.AsNoTracking().VisibleToForCounting(viewer, db, filter.Open).Filter(filter);
        var total = totals is null ? await counted.CountAsync(ct) : await totals.CountAsync(viewer, filter, counted, ct);
        var items = await db.Tasks.AsNoTracking().VisibleTo(viewer, filter.Open).Filter(filter).Sort(db, sort, descending).Skip((page - 1) * pageSize).Take(pageSize).ToRows(db).ToListAsync(ct);
        return new TaskPage(items, total, page, pageSize);
    }

    /// <summary>Every row of the filtered, sorted list up to <paramref name="cap"/> (plus one, so the caller knows it was cut).</summary>
    public static Task<List<TaskRow>> AllAsync(LuoshiDb db, Viewer viewer, TaskFilter filter, TaskSort sort, bool descending, int cap, CancellationToken ct) =>
        db.Tasks.AsNoTracking().VisibleTo(viewer, filter.Open).Filter(filter).Sort(db, sort, descending).Take(cap + 1).ToRows(db).ToListAsync(ct);
}
