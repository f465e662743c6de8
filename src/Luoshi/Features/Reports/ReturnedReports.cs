using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reports;

/// <summary>A returned report still waiting to be redone, with what its to-do line and banner show.</summary>
internal sealed record OutstandingReturn(long ReturnId, int TaskId, string? TaskNumber, string TaskTitle, int SectionId, int AuthorId, DateOnly PeriodStart, DateOnly PeriodEnd, DateTime ReturnedAt, string Reason);

internal static class ReturnedReports
{
    /// <summary>
    /// Returns not yet answered: no report of the same section for the same period was submitted after
    /// the return (whether that one was returned again is its own return's business). Only open tasks.
    /// </summary>
    public static IQueryable<OutstandingReturn> Outstanding(LuoshiDb db, int unitId) =>
        from x in db.ReportReturns
        join r in db.Reports on x.ReportId equals r.Id
        join t in db.Tasks on x.TaskId equals t.Id
        where x.UnitId == unitId && t.CompletedOn == null
            && !db.Reports.Any(n => n.TaskId == x.TaskId && n.SectionId == x.SectionId && n.PeriodStart == r.PeriodStart && n.SubmittedAt > x.ReturnedAt)
        select new OutstandingReturn(x.Id, t.Id, t.Number, t.Title, x.SectionId, r.AuthorId, r.PeriodStart, r.PeriodEnd, x.ReturnedAt, x.Reason);

    /// <summary>Whose redo it is: the reporter's own, and every return of the section for its head.</summary>
    public static IQueryable<OutstandingReturn> For(this IQueryable<OutstandingReturn> returns, Viewer viewer) => viewer.Role switch
    {
        Role.SectionHead when viewer.SectionId is { } s => returns.Where(x => x.SectionId == s || x.AuthorId == viewer.PersonId),
        Role.Staff => returns.Where(x => x.AuthorId == viewer.PersonId),
        _ => returns.Where(x => false),
    };
}
