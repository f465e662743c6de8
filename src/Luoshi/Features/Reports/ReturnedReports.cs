using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reports;

/// <summary>A returned report still waiting to be redone, with what its to-do line and banner show.</summary>
// Init properties, not a positional record: EF can filter and sort on the members of a projection built this way.
internal sealed record OutstandingReturn
{
    public long ReturnId { get; init; }
    public int TaskId { get; init; }
    public string? TaskNumber { get; init; }
    public string TaskTitle { get; init; } = "";
    public int SectionId { get; init; }
    public int AuthorId { get; init; }
    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }
    public DateTime ReturnedAt { get; init; }
    public string Reason { get; init; } = "";
}

internal static class ReturnedReports
{
    /// <summary>
    /// Returns not yet answered: no later report of the same section for the same period (by id, which
    /// follows submission; whether that one was returned again is its own return's business). Only open tasks.
    /// </summary>
    public static IQueryable<OutstandingReturn> Outstanding(LuoshiDb db, int unitId) =>
        from x in db.ReportReturns
        join r in db.Reports on x.ReportId equals r.Id
        join t in db.Tasks on x.TaskId equals t.Id
        where x.UnitId == unitId && t.CompletedOn == null
            && !db.Reports.Any(n => n.TaskId == x.TaskId && n.SectionId == x.SectionId && n.PeriodStart == r.PeriodStart && n.Id > x.ReportId)
        select new OutstandingReturn
        {
            ReturnId = x.Id, TaskId = t.Id, TaskNumber = t.Number, TaskTitle = t.Title, SectionId = x.SectionId, AuthorId = r.AuthorId,
            PeriodStart = r.PeriodStart, PeriodEnd = r.PeriodEnd, ReturnedAt = x.ReturnedAt, Reason = x.Reason,
        };

    /// <summary>Whose redo it is: the reporter's own, and every return of the section for its head.</summary>
    public static IQueryable<OutstandingReturn> For(this IQueryable<OutstandingReturn> returns, Viewer viewer) => viewer.Role switch
    {
        Role.SectionHead when viewer.SectionId is { } s => returns.Where(x => x.SectionId == s || x.AuthorId == viewer.PersonId),
        Role.Staff => returns.Where(x => x.AuthorId == viewer.PersonId),
        _ => returns.Where(x => false),
    };
}
