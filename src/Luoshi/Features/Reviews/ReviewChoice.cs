using Luoshi.Data;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reviews;

/// <summary>
/// What a review counts: the kinds of work item and the plans. Without a choice it counts the
/// year's work points only (重点任务 in ordinary plans), so appeals, key projects, rectification
/// measures, study-group requirements and campaign tasks do not swell the figures of the work
/// points; choosing their kinds (and plans) brings them in.
/// </summary>
internal sealed record ReviewChoice(IReadOnlyList<int>? PlanIds, IReadOnlyList<WorkKind> Kinds)
{
    public static readonly IReadOnlyList<WorkKind> DefaultKinds = [WorkKind.Task];

    public static ReviewChoice Default { get; } = new(null, DefaultKinds);

    /// <summary>The choice from a query string: no kinds means the default kinds, no plans the default plans.</summary>
    public static ReviewChoice From(IEnumerable<int>? plans, IEnumerable<WorkKind>? kinds)
    {
        var k = (kinds ?? []).Where(WorkKinds.All.ContainsKey).Distinct().Order().ToList();
        var p = (plans ?? []).Distinct().Order().ToList();
        return new(p.Count == 0 ? null : p, k.Count == 0 ? DefaultKinds : k);
    }
}

/// <summary>A plan the review may count, and whether the default choice counts it.</summary>
internal sealed record ReviewPlanOption(int Id, string Title, bool ByDefault);

internal static class ReviewPlans
{
    /// <summary>
    /// The plans of <paramref name="year"/> in the unit. The default ones hold at least one item of
    /// the chosen kinds and are not the working plans behind a study plan or a campaign (those hold
    /// ordinary tasks too, but they are the study group's and the campaign's ledgers, reviewed there).
    /// </summary>
    public static async Task<List<ReviewPlanOption>> OptionsAsync(LuoshiDb db, int unitId, int year, IReadOnlyList<WorkKind> kinds, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => p.UnitId == unitId && p.Year == year).OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Title,
                Holds = db.Tasks.Any(t => t.UnitId == unitId && t.PlanId == p.Id && kinds.Contains(t.Kind)),
                Ledger = db.StudyPlans.Any(s => s.UnitId == unitId && s.WorkPlanId == p.Id) || db.Campaigns.Any(c => c.UnitId == unitId && c.WorkPlanId == p.Id),
            }).ToListAsync(ct);
        return [.. plans.Select(p => new ReviewPlanOption(p.Id, p.Title, p.Holds && !p.Ledger))];
    }

    /// <summary>The plan ids the choice counts: those chosen (of the unit's plans), or the year's default ones.</summary>
    public static async Task<(List<ReviewPlanOption> Options, List<int> Counted)> ResolveAsync(LuoshiDb db, int unitId, int year, ReviewChoice choice, CancellationToken ct)
    {
        var options = await OptionsAsync(db, unitId, year, choice.Kinds, ct);
        if (choice.PlanIds is null)
        {
            return (options, [.. options.Where(o => o.ByDefault).Select(o => o.Id)]);
        }

        // A plan of another year may be chosen by id (a review of January counting last year's plan);
        // it must still be the unit's own.
        var ids = choice.PlanIds.ToList();
        var own = await db.Plans.AsNoTracking().Where(p => p.UnitId == unitId && ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);

        // A kind just ticked on the page comes with the plans shown for the kinds before it: a chosen
        // kind that none of the chosen plans holds brings in its ledger plan of the year, so ticking
        // 诉求 reviews the appeals without a second round to tick their plan.
        var missing = new List<WorkKind>();
        foreach (var kind in choice.Kinds.Where(k => k != WorkKind.Task))
        {
            if (!await db.Tasks.AnyAsync(t => t.UnitId == unitId && own.Contains(t.PlanId) && t.Kind == kind, ct))
            {
                missing.Add(kind);
            }
        }

        if (missing.Count > 0)
        {
            own.AddRange(await db.Plans.AsNoTracking()
                .Where(p => p.UnitId == unitId && p.Year == year && p.LedgerKind != null && missing.Contains(p.LedgerKind.Value) && !own.Contains(p.Id))
                .Select(p => p.Id).ToListAsync(ct));
        }

        return (options, own);
    }
}
