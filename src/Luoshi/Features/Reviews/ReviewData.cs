using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Reports;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Reviews;

/// <summary>One row of the task breakdown table (任务分解表).</summary>
internal sealed record ReviewRow(
    int TaskId, string? Number, string Title, string? Leader, string LeadSection, string Cooperating, string? Person,
    string Target, DateOnly Due, string? LatestProgress, int Percent, Light Light, LightReason Reason, DateOnly? CompletedOn);

/// <summary>The figures of one lead section in the period.</summary>
internal sealed record SectionFigures(string Section, int Tasks, int Done, int DoneInPeriod, int Green, int Yellow, int Red, int NotStarted, int Reports, int LateReports)
{
    public double CompletionRate => Tasks == 0 ? 0 : (double)Done / Tasks;
}

internal sealed record Review(string UnitName, ReviewPeriod Period, DateOnly AsOf, IReadOnlyList<ReviewRow> Rows, IReadOnlyList<SectionFigures> Sections)
{
    /// <summary>The plans the review could count (the period's year), each marked as counted or not.</summary>
    public IReadOnlyList<ReviewPlanOption> PlanOptions { get; init; } = [];

    /// <summary>The plans it counted.</summary>
    public IReadOnlyList<int> CountedPlans { get; init; } = [];

    /// <summary>The kinds it counted.</summary>
    public IReadOnlyList<WorkKind> Kinds { get; init; } = ReviewChoice.DefaultKinds;

    /// <summary>The sections of the other kinds counted (诉求, 项目, 整改, 学习 …), each with its own figures; empty by default.</summary>
    public IReadOnlyList<ReviewPart> Parts { get; init; } = [];

    /// <summary>Whether the work points are a section of this review: they are counted, or nothing else is.</summary>
    public bool HasWorkPoints => Rows.Count > 0 || Parts.Count == 0;

    /// <summary>The lead sections of every item counted: those the bulletin speaks to.</summary>
    public IReadOnlyList<int> SectionIds { get; init; } = [];
}

/// <summary>
/// The review of the tasks the viewer may see, as of the end of the period: each task's light is
/// what the rules give on that day (from the task's current dates and progress), its latest
/// progress is the lead section's last report submitted by then. Only the chosen plans and kinds
/// are counted (<see cref="ReviewChoice"/>).
/// </summary>
internal sealed class ReviewData(LuoshiDb db, WorkingCalendars calendars, BureauClock clock, IOptions<LightOptions> options, IEnumerable<IReviewSection> ledgers)
{
    public async Task<Review> LoadAsync(Viewer viewer, ReviewPeriod period, ReviewChoice choice, CancellationToken ct)
    {
        var (planOptions, planIds) = await ReviewPlans.ResolveAsync(db, viewer.UnitId, period.End.Year, choice, ct);
        var kinds = choice.Kinds.ToList();
        var counted = db.Tasks.VisibleTo(viewer).Where(t => planIds.Contains(t.PlanId) && kinds.Contains(t.Kind));
        var asOf = period.End < clock.Today ? period.End : clock.Today;
        var calendar = await calendars.ForUnitAsync(db, viewer.UnitId, ct);
        var day = TaskLights.DayFor(asOf, calendar, options.Value);
        var sections = await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId).ToDictionaryAsync(s => s.Id, s => (s.Name, s.SortOrder), ct);
        var people = await db.People.AsNoTracking().Where(p => p.UnitId == viewer.UnitId).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var lit = new Lighting(period, asOf, day, sections, people);

        // Each kind in its own section: the ledgers claim theirs (a study plan's and a campaign's
        // working plans, though their items are ordinary tasks); the work points are the tasks left.
        var scope = new ReviewScope(viewer, period, asOf, sections);
        var parts = new List<ReviewPart>();
        var claimedPlans = new List<int>();
        var claimedKinds = new List<WorkKind>();
        foreach (var ledger in ledgers)
        {
            if (await ledger.ClaimAsync(viewer.UnitId, kinds, planIds, ct) is not { } claim)
            {
                continue;
            }

            var plans = claim.Plans?.ToList();
            var items = counted.Where(t => t.Kind == claim.Kind && (plans == null || plans.Contains(t.PlanId)));
            if (plans is null)
            {
                claimedKinds.Add(claim.Kind);
            }
            else
            {
                claimedPlans.AddRange(plans);
            }

            if (await items.AnyAsync(ct))
            {
                parts.Add(await ledger.LoadAsync(scope, items, ct) with { Order = ledger.Order });
            }
        }

        foreach (var kind in kinds.Where(k => k != WorkKind.Task && !claimedKinds.Contains(k)))
        {
            var (_, kindRows, kindFigures) = await LightAsync(counted.Where(t => t.Kind == kind), viewer, lit, ct);
            if (kindRows.Count > 0)
            {
                parts.Add(KindSections.Of(kind, kindRows, kindFigures, period));
            }
        }

        var main = counted.Where(t => t.Kind == WorkKind.Task && !claimedPlans.Contains(t.PlanId));
        var (_, rows, figures) = await LightAsync(main, viewer, lit, ct);
        var named = await counted.Select(t => t.LeadSectionId).Distinct().ToListAsync(ct);
        var unit = await db.Units.Where(u => u.Id == viewer.UnitId).Select(u => u.Name).FirstAsync(ct);
        return new Review(unit, period, asOf, rows, figures)
        {
            PlanOptions = planOptions, CountedPlans = planIds, Kinds = kinds,
            Parts = [.. parts.OrderBy(p => p.Order)], SectionIds = named,
        };
    }

    private sealed record Lighting(ReviewPeriod Period, DateOnly AsOf, LightDay Day, Dictionary<int, (string Name, int SortOrder)> Sections, Dictionary<int, string> People);

    /// <summary>The rows of <paramref name="counted"/> with their lights on the review date, and the figures per lead section.</summary>
    private async Task<(List<WorkTask> Tasks, List<ReviewRow> Rows, List<SectionFigures> Figures)> LightAsync(IQueryable<WorkTask> counted, Viewer viewer, Lighting lit, CancellationToken ct)
    {
        var (period, asOf, day, sections, people) = lit;
        var tasks = await counted.AsNoTracking().Include(t => t.Cooperations).OrderBy(t => t.LeadSectionId).ThenBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        if (tasks.Count == 0)
        {
            return ([], [], []);
        }

        var until = clock.StartOfDayUtc(period.End.AddDays(1));
        var from = clock.StartOfDayUtc(period.Start);
        var lead = tasks.ToDictionary(t => t.Id, t => t.LeadSectionId);
        // Reports are counted and picked in the database: a bureau has millions of them. A returned
        // report (驳回) is neither counted nor shown as the task's latest.
        var leadReports =
            from r in db.Reports.AsNoTracking().Counted(db)
            join t in counted on r.TaskId equals t.Id
            where r.UnitId == viewer.UnitId && r.SectionId == t.LeadSectionId && r.SubmittedAt < until
            select r;
        var lastTimes = leadReports.GroupBy(r => r.TaskId).Select(g => new { TaskId = g.Key, At = g.Max(r => r.SubmittedAt) });
        var latest = (await (
                from r in leadReports
                join l in lastTimes on new { r.TaskId, At = r.SubmittedAt } equals new { l.TaskId, l.At }
                select new { r.Id, r.TaskId, r.Progress, r.Percent }).ToListAsync(ct))
            .GroupBy(r => r.TaskId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!);
        var inPeriod = await leadReports.Where(r => r.SubmittedAt >= from).GroupBy(r => r.SectionId)
            .Select(g => new { SectionId = g.Key, Count = g.Count(), Late = g.Count(r => r.IsLate) })
            .ToDictionaryAsync(g => g.SectionId, ct);

        var rows = tasks.Select(t =>
        {
            var done = t.CompletedOn is { } c && c <= asOf;
            var reason = done ? LightReason.Completed : LightRules.Evaluate(OpenOnTheDay(t), day);
            var report = latest.GetValueOrDefault(t.Id);
            return new ReviewRow(
                t.Id, t.Number, t.Title, t.LeadLeaderId is { } l ? people.GetValueOrDefault(l) : null, sections[t.LeadSectionId].Name,
                string.Join("、", t.Cooperations.Select(c => sections.GetValueOrDefault(c.SectionId).Name)),
                t.ResponsiblePersonId is { } p ? people.GetValueOrDefault(p) : null,
                t.TargetValue is { } v ? $"{Ui.Amount(v)}{t.TargetUnit}" : "", t.DueDate, report?.Progress, report?.Percent ?? 0,
                reason.Of(), reason, done ? t.CompletedOn : null);
        }).ToList();

        var figures = tasks.GroupBy(t => t.LeadSectionId).OrderBy(g => sections[g.Key].SortOrder).Select(g =>
        {
            var mine = rows.Where(r => lead[r.TaskId] == g.Key).ToList();
            var reportsHere = inPeriod.GetValueOrDefault(g.Key);
            return new SectionFigures(sections[g.Key].Name, mine.Count, mine.Count(r => r.Light == Light.Done),
                mine.Count(r => r.CompletedOn is { } c && c >= period.Start), mine.Count(r => r.Light == Light.Green), mine.Count(r => r.Light == Light.Yellow),
                mine.Count(r => r.Light == Light.Red), mine.Count(r => r.Light == Light.NotStarted), reportsHere?.Count ?? 0, reportsHere?.Late ?? 0);
        }).ToList();

        return (tasks, rows, figures);
    }

    // A task completed after the review date was still open on that date (the rows are untracked copies).
    private static WorkTask OpenOnTheDay(WorkTask t)
    {
        t.CompletedOn = null;
        return t;
    }
}
