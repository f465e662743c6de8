using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Appeals;

internal sealed record AppealFigures(string Group, int Received, int Answered, int AnsweredOnTime, int Overdue, int FollowedUp, int Satisfied)
{
    /// <summary>Share of followed-up appeals whose last follow-up was 满意 or 基本满意; null without any.</summary>
    public double? SatisfactionRate => FollowedUp == 0 ? null : Math.Round((double)Satisfied / FollowedUp, 4);
}

internal sealed record AppealMonth(int Year, int Month, AppealFigures Total, IReadOnlyList<AppealFigures> ByCategory, IReadOnlyList<AppealFigures> BySection);

/// <summary>Monthly figures over the appeals received in the month that the viewer may see. On time
/// means the first reply came by the first deadline; overdue means it came later, or has not come
/// and the deadline has passed.</summary>
internal static class AppealStatistics
{
    public static async Task<AppealMonth> ForMonthAsync(LuoshiDb db, Viewer viewer, int year, int month, DateOnly today, CancellationToken ct)
    {
        var start = new DateOnly(year, month, 1);
        var end = start.AddMonths(1);
        var rows = await (from a in db.Appeals
                          join t in db.Tasks.VisibleTo(viewer) on a.TaskId equals t.Id
                          join s in db.Sections on t.LeadSectionId equals s.Id
                          where a.UnitId == viewer.UnitId && a.ReceivedOn >= start && a.ReceivedOn < end
                          select new
                          {
                              a.Category, Section = s.Name, a.FirstDueDate, a.FirstRepliedOn,
                              Last = db.AppealFollowUps.Where(f => f.TaskId == a.TaskId).OrderByDescending(f => f.Id).Select(f => (string?)f.Satisfaction).FirstOrDefault(),
                          }).AsNoTracking().ToListAsync(ct);
        var facts = rows.Select(r => new Fact(r.Category, r.Section, r.FirstRepliedOn is not null, r.FirstRepliedOn <= r.FirstDueDate,
            r.FirstRepliedOn is { } replied ? replied > r.FirstDueDate : today > r.FirstDueDate, r.Last)).ToList();
        static AppealFigures Figures(string group, IEnumerable<Fact> items)
        {
            var list = items.ToList();
            return new(group, list.Count, list.Count(x => x.Answered), list.Count(x => x.OnTime), list.Count(x => x.Overdue),
                list.Count(x => x.Last is not null), list.Count(x => x.Last is Satisfaction.Satisfied or Satisfaction.Basically));
        }

        return new(year, month, Figures("合计", facts),
            [.. facts.GroupBy(f => f.Category).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Figures(g.Key, g))],
            [.. facts.GroupBy(f => f.Section).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Figures(g.Key, g))]);
    }

    private sealed record Fact(string Category, string Section, bool Answered, bool OnTime, bool Overdue, string? Last);
}
