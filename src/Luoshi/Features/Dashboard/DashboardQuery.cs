using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Dashboard;

internal sealed record LightCounts(int NotStarted, int Green, int Yellow, int Red, int Done)
{
    public int Total => NotStarted + Green + Yellow + Red + Done;

    public int Of(Light light) => light switch
    {
        Light.Green => Green,
        Light.Yellow => Yellow,
        Light.Red => Red,
        Light.Done => Done,
        _ => NotStarted,
    };

    public static LightCounts From(IEnumerable<(Light Light, int Count)> groups)
    {
        var c = groups.GroupBy(g => g.Light).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        return new(c.GetValueOrDefault(Light.NotStarted), c.GetValueOrDefault(Light.Green), c.GetValueOrDefault(Light.Yellow), c.GetValueOrDefault(Light.Red), c.GetValueOrDefault(Light.Done));
    }
}

internal sealed record SectionLights(int SectionId, string Section, LightCounts Counts);

internal sealed record UpcomingMilestone(int MilestoneId, string Title, DateOnly DueDate, int TaskId, string TaskTitle, string LeadSection);

internal sealed record DashboardData(DateOnly Today, LightCounts Totals, IReadOnlyList<SectionLights> Sections, IReadOnlyList<TaskRow> Overdue, IReadOnlyList<UpcomingMilestone> Upcoming);

/// <summary>
/// The dashboard from stored lights: the per-section light tally, and two short ordered lists that
/// indexes answer. Never loads or counts the tasks themselves.
/// </summary>
internal static class DashboardQuery
{
    public const int ListLength = 20;
    public const int UpcomingDays = 14;

    public static async Task<DashboardData> LoadAsync(LuoshiDb db, Viewer viewer, DateOnly today, CancellationToken ct)
    {
        var visible = db.Tasks.AsNoTracking().VisibleTo(viewer);

        // Counts come from the tally kept beside the tasks, by lead section: all sections for the
        // office, the sections in a leader's charge, one's own section for everyone else.
        var counted = db.SectionLightCounts.AsNoTracking().Where(c => c.UnitId == viewer.UnitId && c.Count != 0);
        if (!viewer.IsAdmin)
        {
            var own = viewer.SeenSectionIds;
            counted = counted.Where(c => own.Contains(c.SectionId));
        }

        var groups = await (
            from c in counted
            join s in db.Sections on c.SectionId equals s.Id
            select new { c.SectionId, c.Light, c.Count, s.Name, s.SortOrder }).ToListAsync(ct);
        if (viewer.Role == Role.Leader)
        {
            // A leader answers for the tasks he leads too, also where the lead section is outside his
            // charge; the tally is by section, so those few are counted from the tasks (by the
            // (UnitId, LeadLeaderId) index). They lie in other sections, so nothing is counted twice.
            var (own, me) = (viewer.SeenSectionIds, viewer.PersonId);
            var led = await db.Tasks.AsNoTracking()
                .Where(t => t.UnitId == viewer.UnitId && t.LeadLeaderId == me && !own.Contains(t.LeadSectionId))
                .GroupBy(t => new { t.LeadSectionId, t.Light })
                .Select(g => new { g.Key.LeadSectionId, g.Key.Light, Count = g.Count() }).ToListAsync(ct);
            var ids = led.Select(l => l.LeadSectionId).Distinct().ToList();
            var names = await db.Sections.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
            groups.AddRange(led.Select(l => new { SectionId = l.LeadSectionId, l.Light, l.Count, names[l.LeadSectionId].Name, names[l.LeadSectionId].SortOrder }));
        }

        var sections = groups.GroupBy(g => new { g.SectionId, g.Name, g.SortOrder })
            .OrderBy(g => g.Key.SortOrder).ThenBy(g => g.Key.SectionId)
            .Select(g => new SectionLights(g.Key.SectionId, g.Key.Name, LightCounts.From(g.Select(x => (x.Light, x.Count)))))
            .ToList();
        var totals = LightCounts.From(groups.Select(g => (g.Light, g.Count)));

        var overdue = await visible.Where(t => t.Light == Light.Red).OrderBy(t => t.DueBy).ThenBy(t => t.Id).Take(ListLength).ToRows(db).ToListAsync(ct);

        var until = today.AddDays(UpcomingDays);
        var upcoming = await (
            from m in db.Milestones.AsNoTracking()
            where m.UnitId == viewer.UnitId && m.CompletedOn == null && m.DueDate >= today && m.DueDate <= until
            join t in visible on m.TaskId equals t.Id
            join s in db.Sections on t.LeadSectionId equals s.Id
            orderby m.DueDate, m.Id
            select new UpcomingMilestone(m.Id, m.Title, m.DueDate, t.Id, t.Title, s.Name))
            .Take(ListLength).ToListAsync(ct);

        return new DashboardData(today, totals, sections, overdue, upcoming);
    }
}
