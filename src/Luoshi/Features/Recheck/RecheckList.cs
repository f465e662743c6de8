using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Recheck;

/// <summary>A re-check as the list and the API show it.</summary>
internal sealed record RecheckDto(
    int Id, int TaskId, string TaskTitle, string LeadSection, DateOnly ScheduledFor, string What, int? RecheckTaskId, DateOnly? StartedOn,
    RecheckResult Result, string ResultText, string? Findings, DateOnly? ReopenedDueDate, DateTime? ConcludedAt);

internal static class RecheckList
{
    public const int MaxRows = 500;

    /// <summary>The re-checks of the tasks the viewer sees (the office: all), newest first.</summary>
    public static async Task<List<RecheckDto>> ForAsync(LuoshiDb db, Viewer viewer, RecheckResult? result, CancellationToken ct)
    {
        var tasks = db.Tasks.VisibleTo(viewer);
        var rows = await (
            from r in db.Rechecks.Where(r => r.UnitId == viewer.UnitId && (result == null || r.Result == result))
            join t in tasks on r.OriginalTaskId equals t.Id
            join s in db.Sections on t.LeadSectionId equals s.Id
            orderby r.Id descending
            select new { r, t.Title, Section = s.Name }).Take(MaxRows).ToListAsync(ct);
        return [.. rows.Select(x => new RecheckDto(x.r.Id, x.r.OriginalTaskId, x.Title, x.Section, x.r.ScheduledFor, x.r.What, x.r.RecheckTaskId, x.r.StartedOn,
            x.r.Result, x.r.Result.Chinese(), x.r.Findings, x.r.ReopenedDueDate, x.r.ConcludedAt))];
    }
}
