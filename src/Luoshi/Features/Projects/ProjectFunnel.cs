using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Projects;

internal sealed record ProjectFilter(int? SectionId = null, int? PersonId = null, string? Stage = null);

/// <summary>One stage of the funnel: how many projects reached it, as a share of the intentions, and
/// the median days it took from the previous stage.</summary>
internal sealed record FunnelStage(string Name, int Reached, double? ShareOfIntents, double? MedianDays);

/// <summary>Projects of one person or section that reached each stage, in stage order.</summary>
internal sealed record FunnelRow(int Id, string Name, int[] Reached);

internal sealed record Funnel(IReadOnlyList<FunnelStage> Stages, IReadOnlyList<FunnelRow> ByPerson, IReadOnlyList<FunnelRow> BySection);

/// <summary>
/// The pipeline funnel, counted in the database: the stage rows grouped by stage and days since the
/// previous stage give the counts and the histogram the medians are read from; projects grouped by
/// section, person and current stage give the breakdowns. No project row is loaded.
/// </summary>
internal static class ProjectFunnel
{
    /// <param name="counting">for counts and groups (the funnel), not a list: the visible tasks in their
    /// counting shape (<see cref="TaskAccess.VisibleToForCounting"/>).</param>
    public static IQueryable<WorkTask> Projects(LuoshiDb db, Viewer viewer, ProjectFilter filter, bool counting = false)
    {
        var visible = counting ? db.Tasks.VisibleToForCounting(viewer, db) : db.Tasks.VisibleTo(viewer);
        var projects = visible.Where(t => t.Kind == WorkKind.Project);
        if (filter.SectionId is { } section)
        {
            projects = projects.Where(t => t.LeadSectionId == section);
        }

        if (filter.PersonId is { } person)
        {
            projects = projects.Where(t => t.ResponsiblePersonId == person);
        }

        return projects;
    }

    /// <param name="breakdowns">false for the overall funnel only (the dashboard card): one query, no project row read.</param>
    public static async Task<Funnel> LoadAsync(LuoshiDb db, Viewer viewer, ProjectFilter filter, bool breakdowns = true, CancellationToken ct = default)
    {
        var names = ProjectStages.Names;
        var projects = Projects(db, viewer, filter with { Stage = null }, counting: true);
        var stageRows = db.ProjectStages.Where(s => s.UnitId == viewer.UnitId);
        if (!viewer.IsAdmin || filter.SectionId is not null || filter.PersonId is not null)
        {
            // The office sees every project of the unit; anyone else, or a filter, needs the join to the tasks.
            var ids = projects.Select(t => t.Id);
            stageRows = stageRows.Where(s => ids.Contains(s.TaskId));
        }

        // One row per stage reached, so counting them per stage is the funnel; their days since the
        // previous stage, grouped, are the histogram the medians are read from.
        var days = await stageRows.GroupBy(s => new { s.StageIndex, s.DaysFromPrevious })
            .Select(g => new { g.Key.StageIndex, g.Key.DaysFromPrevious, Count = g.Count() }).ToListAsync(ct);
        var reached = names.Select((_, k) => days.Where(d => d.StageIndex == k).Sum(d => d.Count)).ToArray();
        var stages = names.Select((name, k) => new FunnelStage(name, reached[k], reached[0] == 0 ? null : (double)reached[k] / reached[0],
            Median([.. days.Where(d => d.StageIndex == k && d.DaysFromPrevious is not null).OrderBy(d => d.DaysFromPrevious).Select(d => (d.DaysFromPrevious!.Value, d.Count))]))).ToList();
        if (!breakdowns)
        {
            return new Funnel(stages, [], []);
        }

        // Per person and section: projects grouped by where they are now; a project at stage k has reached every stage up to k.
        var groups = await projects.GroupBy(t => new { t.LeadSectionId, t.ResponsiblePersonId, t.Stage })
            .Select(g => new { g.Key.LeadSectionId, g.Key.ResponsiblePersonId, g.Key.Stage, Count = g.Count() }).ToListAsync(ct);
        int[] Reached(IEnumerable<(string? Stage, int Count)> rows)
        {
            var counts = new int[names.Count];
            foreach (var (stage, count) in rows)
            {
                for (var k = 0; k <= ProjectStages.IndexOf(stage); k++)
                {
                    counts[k] += count;
                }
            }

            return counts;
        }

        var personIds = groups.Select(g => g.ResponsiblePersonId ?? 0).Distinct().ToList();
        var people = await db.People.Where(p => p.UnitId == viewer.UnitId && personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var sections = await db.Sections.Where(s => s.UnitId == viewer.UnitId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var byPerson = groups.GroupBy(g => g.ResponsiblePersonId ?? 0)
            .Select(p => new FunnelRow(p.Key, people.GetValueOrDefault(p.Key, "未指定"), Reached(p.Select(g => (g.Stage, g.Count))))).OrderByDescending(r => r.Reached[0]).ToList();
        var bySection = groups.GroupBy(g => g.LeadSectionId)
            .Select(s => new FunnelRow(s.Key, sections.GetValueOrDefault(s.Key, ""), Reached(s.Select(g => (g.Stage, g.Count))))).OrderByDescending(r => r.Reached[0]).ToList();
        return new Funnel(stages, byPerson, bySection);
    }

    /// <summary>The median of a histogram sorted by value; the mean of the middle two for an even count.</summary>
    private static double? Median(IReadOnlyList<(int Value, int Count)> histogram)
    {
        var n = histogram.Sum(h => h.Count);
        if (n == 0)
        {
            return null;
        }

        int At(int position)
        {
            foreach (var (value, count) in histogram)
            {
                if (position < count)
                {
                    return value;
                }

                position -= count;
            }

            throw new InvalidOperationException("position beyond the histogram");
        }

        return n % 2 == 1 ? At(n / 2) : (At((n / 2) - 1) + At(n / 2)) / 2.0;
    }
}
