using Luoshi.Features.Organisation;

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
    public static IQueryable<WorkTask> VisibleTo(this IQueryable<WorkTask> tasks, Viewer viewer)
    {
        tasks = tasks.Where(t => t.UnitId == viewer.UnitId);
        var readable = viewer.ReadableRestrictedTaskIds;
        if (viewer.IsAdmin)
        {
            return tasks.ReadableBy(viewer);
        }

        var sections = viewer.SeenSectionIds;
        var cooperating = viewer.CooperationTaskIds;
        var personId = viewer.PersonId;
        // Most people read no restricted task: their query keeps its plain shape.
        if (readable.Count == 0)
        {
            return viewer.Role == Role.Leader
                ? tasks.Where(t => !t.Restricted && (t.LeadLeaderId == personId || sections.Contains(t.LeadSectionId) || cooperating.Contains(t.Id)))
                : tasks.Where(t => !t.Restricted && (sections.Contains(t.LeadSectionId) || cooperating.Contains(t.Id)));
        }

        return viewer.Role == Role.Leader
            ? tasks.Where(t => readable.Contains(t.Id) || (!t.Restricted && (t.LeadLeaderId == personId || sections.Contains(t.LeadSectionId) || cooperating.Contains(t.Id))))
            : tasks.Where(t => readable.Contains(t.Id) || (!t.Restricted && (sections.Contains(t.LeadSectionId) || cooperating.Contains(t.Id))));
    }

    /// <summary>Only the restricted part of the rule, for queries that choose their tasks by another
    /// route (the lead section's desk: reports owed, tasks to sign): a restricted task stays out unless
    /// the viewer is one of its readers.</summary>
    public static IQueryable<WorkTask> ReadableBy(this IQueryable<WorkTask> tasks, Viewer viewer)
    {
        var readable = viewer.ReadableRestrictedTaskIds;
        return readable.Count == 0 ? tasks.Where(t => !t.Restricted) : tasks.Where(t => !t.Restricted || readable.Contains(t.Id));
    }

    /// <summary>Rights on a task the viewer can see.</summary>
    public static TaskRights RightsOn(this Viewer viewer, WorkTask task)
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

            if (viewer.CooperationTaskIds.Contains(task.Id))
            {
                return new(false, section, false, false, false);
            }
        }

        return TaskRights.ReadOnly;
    }
}
