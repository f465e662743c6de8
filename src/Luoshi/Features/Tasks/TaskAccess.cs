using System.Linq.Expressions;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace Luoshi.Features.Tasks;

/// <summary>What one person may do with one task.</summary>
internal sealed record TaskRights(bool ReportAsLead, int? ReportPartSectionId, bool CompleteMilestones, bool EditLeadFields, bool EditAll)
{
    public static TaskRights ReadOnly { get; } = new(false, null, false, false, false);

    public bool CanReport => ReportAsLead || ReportPartSectionId is not null;
}

/// <summary>
/// The access rules, in one place for pages and API. Admin (office) sees and changes everything of
/// the unit. A leader sees the tasks he or she leads and those of the sections in his or her
/// charge. Staff and section heads see their own section's tasks, as lead or as cooperating
/// section; the lead section reports and completes milestones (the head also edits the lead
/// section's fields), a cooperating section reads and reports on its own part.
/// A restricted task (<see cref="WorkTask.Restricted"/>: a 批示件 with a 知悉范围) is the exception to all
/// of this: only the people in <see cref="Viewer.ReadableRestrictedTaskIds"/> see it (its readers, the
/// person who registered it, its lead leader, responsible person and lead section head), not the rest of
/// the office, of the section or of the leader's charge. Everything that lists or opens tasks goes
/// through <see cref="VisibleTo"/>, so this is the one place the rule lives.
/// </summary>
internal static class TaskAccess
{
    /// <param name="openOnly">only the tasks not done (未办结), found through the cooperations of open tasks
    /// alone (<see cref="TaskCooperation.TaskOpen"/>), so the section's history of done cooperations is not read.</param>
    public static IQueryable<WorkTask> VisibleTo(this IQueryable<WorkTask> tasks, Viewer viewer, bool openOnly = false) => Visible(tasks, viewer, null, openOnly);

    /// <summary>
    /// The same tasks as <see cref="VisibleTo"/>, shaped for counting and aggregating them on PostgreSQL;
    /// lists and pages keep <see cref="VisibleTo"/>. With the cooperations as a sub-query OR-ed to the
    /// section test, PostgreSQL 15 cannot combine index scans and walks the unit's tasks for a count, even
    /// for a section that cooperates on nothing (a staff member's open tasks on a 100k-task unit: 22 ms on a
    /// quiet machine, 76.7 ms under load, against 1–2 ms for the section test alone). Here the cooperating
    /// sections' task ids are read once into an array (an init plan) that the primary key looks up, so the
    /// count is a BitmapOr of two index scans: 1.4 ms, 7.5 ms for a section with 5,000 cooperations (README,
    /// "Visibility as a SQL condition"). Not for lists: a page read in due order tests its rows one by
    /// one, and PostgreSQL searches an array that is not a constant from its start for each row, where
    /// the sub-query's hash answers at once. SQLite has no arrays: there it is <see cref="VisibleTo"/>.
    /// </summary>
    public static IQueryable<WorkTask> VisibleToForCounting(this IQueryable<WorkTask> tasks, Viewer viewer, LuoshiDb db, bool openOnly = false) =>
        Visible(tasks, viewer, db.Database.IsNpgsql() ? db : null, openOnly);

    private static IQueryable<WorkTask> Visible(IQueryable<WorkTask> tasks, Viewer viewer, LuoshiDb? arrays, bool openOnly)
    {
        var unitId = viewer.UnitId;
        var scoped = openOnly ? tasks.Where(t => t.UnitId == unitId && t.CompletedOn == null) : tasks.Where(t => t.UnitId == unitId);
        if (viewer.IsAdmin)
        {
            return scoped.ReadableBy(viewer);
        }

        var sections = viewer.SeenSectionIds;
        var personId = viewer.PersonId;
        // The cooperating sections' tasks as a sub-query, never as a list of ids loaded beforehand: that
        // list grows with every task ever cooperated on. Naming the unit inside lets PostgreSQL read the
        // cooperations through their (UnitId, SectionId) index, once per query (a hashed sub-plan, or the
        // array of ids for a count).
        // The array: array_agg over the viewer's cooperations, grouped by the one unit they share, as a
        // scalar sub-query (the shape EF Core translates); none gives NULL, and the OR rests on the rest.
        // Open tasks only: the cooperations of open tasks only (a partial index), whose number is the open work's.
        Expression<Func<TaskCooperation, bool>> mine = openOnly
            ? c => c.UnitId == unitId && c.TaskOpen && sections.Contains(c.SectionId)
            : c => c.UnitId == unitId && sections.Contains(c.SectionId);
        Expression<Func<WorkTask, bool>> cooperates = arrays is null
            ? t => t.Cooperations.AsQueryable().Any(mine)
            : t => IsAnyOf(t.Id, arrays.TaskCooperations.Where(mine)
                .GroupBy(c => c.UnitId).Select(g => EF.Functions.ArrayAgg(g.Select(c => c.TaskId))).FirstOrDefault());
        Expression<Func<WorkTask, bool>> leads = viewer.Role == Role.Leader
            ? t => t.LeadLeaderId == personId || sections.Contains(t.LeadSectionId)
            : t => sections.Contains(t.LeadSectionId);
        var seen = Or(leads, cooperates);

        // Most people read no restricted task: their query keeps its plain shape.
        var readable = viewer.ReadableRestrictedTaskIds;
        if (readable.Count == 0)
        {
            return scoped.Where(t => !t.Restricted).Where(seen);
        }

        Expression<Func<WorkTask, bool>> open = t => !t.Restricted;
        return scoped.Where(Or(t => readable.Contains(t.Id), And(open, seen)));
    }

    /// <summary><c>id = ANY (ids)</c> on PostgreSQL (see <see cref="MapFunctions"/>); only inside queries.</summary>
    public static bool IsAnyOf(int id, int[]? ids) => throw new NotSupportedException("Only for translation to SQL.");

    /// <summary>Maps <see cref="IsAnyOf"/>: <c>id = ANY (CAST(ids AS integer[]))</c>. The cast keeps PostgreSQL
    /// reading a parenthesised sub-query as one array value (without it, <c>= ANY ((SELECT …))</c> compares
    /// the id with each row of the sub-query, and the row is an array).</summary>
    public static void MapFunctions(IMutableModel model)
    {
        var function = model.AddDbFunction(typeof(TaskAccess).GetMethod(nameof(IsAnyOf))!);
        function.Translation = args =>
            new SqlBinaryExpression(ExpressionType.Equal, args[0],
                new SqlFunctionExpression("ANY", [new SqlUnaryExpression(ExpressionType.Convert, args[1], typeof(int[]), args[1].TypeMapping)], nullable: true,
                    argumentsPropagateNullability: [true], typeof(int), args[0].TypeMapping),
                typeof(bool), null);
    }

    /// <summary>Only the restricted part of the rule, for queries that choose their tasks by another
    /// route (the lead section's desk: reports owed, tasks to sign): a restricted task stays out unless
    /// the viewer is one of its readers.</summary>
    public static IQueryable<WorkTask> ReadableBy(this IQueryable<WorkTask> tasks, Viewer viewer)
    {
        var readable = viewer.ReadableRestrictedTaskIds;
        return readable.Count == 0 ? tasks.Where(t => !t.Restricted) : tasks.Where(t => !t.Restricted || readable.Contains(t.Id));
    }

    /// <summary>Rights on a task the viewer can see, with whether the viewer's own section cooperates on
    /// it read for this one task (one look-up, and only for a section's staff or head who do not lead it).</summary>
    public static async Task<TaskRights> RightsOnAsync(this Viewer viewer, LuoshiDb db, WorkTask task, CancellationToken ct)
    {
        var cooperates = viewer.Role is Role.Staff or Role.SectionHead && viewer.SectionId is { } section && section != task.LeadSectionId && viewer.UnitId == task.UnitId
            && await db.TaskCooperations.AnyAsync(c => c.UnitId == task.UnitId && c.TaskId == task.Id && c.SectionId == section, ct);
        return viewer.RightsOn(task, cooperates);
    }

    /// <summary>Rights on a task the viewer can see; <paramref name="sectionCooperates"/>: the viewer's own
    /// section is one of the task's cooperating sections (for a page that loaded them with the task).</summary>
    public static TaskRights RightsOn(this Viewer viewer, WorkTask task, bool sectionCooperates)
    {
        if (viewer.UnitId != task.UnitId || (task.Restricted && !viewer.ReadableRestrictedTaskIds.Contains(task.Id)))
        {
            return TaskRights.ReadOnly;
        }

        if (viewer.IsAdmin)
        {
            return new(true, null, true, true, true);
        }

        if (viewer.Role is Role.Staff or Role.SectionHead && viewer.SectionId is { } section)
        {
            if (task.LeadSectionId == section)
            {
                return new(true, null, true, viewer.Role == Role.SectionHead, false);
            }

            if (sectionCooperates)
            {
                return new(false, section, false, false, false);
            }
        }

        return TaskRights.ReadOnly;
    }

    // Composes two conditions on the same task (EF Core translates the combined lambda as one condition).
    private static Expression<Func<WorkTask, bool>> Or(Expression<Func<WorkTask, bool>> a, Expression<Func<WorkTask, bool>> b) =>
        Expression.Lambda<Func<WorkTask, bool>>(Expression.OrElse(a.Body, ReplacingExpressionVisitor.Replace(b.Parameters[0], a.Parameters[0], b.Body)), a.Parameters);

    private static Expression<Func<WorkTask, bool>> And(Expression<Func<WorkTask, bool>> a, Expression<Func<WorkTask, bool>> b) =>
        Expression.Lambda<Func<WorkTask, bool>>(Expression.AndAlso(a.Body, ReplacingExpressionVisitor.Replace(b.Parameters[0], a.Parameters[0], b.Body)), a.Parameters);
}
