using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;

namespace Luoshi.Features.Research;

/// <summary>
/// Who sees and does what on a topic. The office and the leaders see every topic of the bureau (the
/// leadership sets them); a section sees those it leads or cooperates on, as with any task. Only the
/// lead section records visits and reports; only the leading leader or the office accepts or returns
/// a report, enters its findings and closes the topic; the office turns findings into tasks (only the
/// office creates tasks).
/// </summary>
internal static class ResearchAccess
{
    public static IQueryable<WorkTask> Topics(LuoshiDb db, Viewer viewer)
    {
        var topics = db.Tasks.Where(t => t.Kind == WorkKind.Research);
        return viewer.IsAdmin || viewer.Role == Role.Leader ? topics.Where(t => t.UnitId == viewer.UnitId) : topics.VisibleTo(viewer);
    }

    public static bool IsLeadSection(Viewer viewer, WorkTask topic) =>
        viewer.Role is Role.Staff or Role.SectionHead && viewer.SectionId == topic.LeadSectionId && viewer.UnitId == topic.UnitId;

    public static bool Decides(Viewer viewer, WorkTask topic) =>
        viewer.UnitId == topic.UnitId && (viewer.IsAdmin || (viewer.Role == Role.Leader && topic.LeadLeaderId == viewer.PersonId));
}
