using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Assessment;

/// <summary>
/// A change of what schemes are computed from, as the stored results must hear of it: the unlocked schemes
/// whose period it can touch, or one scheme. Marking moves their stored row's input version
/// (<see cref="StoredAssessment.InputVersion"/>) in the caller's transaction, so the change and the mark
/// commit together; a scheme without a stored row has nothing to mark (it is computed when first read).
/// </summary>
internal readonly record struct InputsChange(int UnitId, int? SchemeId, DateOnly? PeriodEndsFrom, DateOnly? PeriodStartsBy)
{
    /// <summary>Every unlocked scheme of the unit: a change with no date of its own (a name, a cooperating section).</summary>
    public static InputsChange AllOf(int unitId) => new(unitId, null, null, null);

    /// <summary>A fact dated <paramref name="on"/> counts for every period scored as of that day or later.</summary>
    public static InputsChange From(int unitId, DateOnly on) => new(unitId, null, on, null);

    /// <summary>A 催办 or 督办 dated <paramref name="on"/> deducts only in the periods that contain that day.</summary>
    public static InputsChange On(int unitId, DateOnly on) => new(unitId, null, on, on);

    public static InputsChange Scheme(int unitId, int schemeId) => new(unitId, schemeId, null, null);
}

internal static class AssessmentInputs
{
    /// <summary>Marks the schemes the changes touch; the changes of a unit merge into at most two updates.</summary>
    public static async Task MarkAsync(LuoshiDb db, IEnumerable<InputsChange> changes, CancellationToken ct)
    {
        foreach (var unit in changes.GroupBy(c => c.UnitId).OrderBy(g => g.Key))
        {
            var unitId = unit.Key;
            var schemes = unit.Where(c => c.SchemeId is not null).Select(c => c.SchemeId!.Value).Distinct().ToList();
            var periods = unit.Where(c => c.SchemeId is null).ToList();
            if (periods.Count > 0)
            {
                DateOnly? endsFrom = periods.Any(c => c.PeriodEndsFrom is null) ? null : periods.Min(c => c.PeriodEndsFrom);
                DateOnly? startsBy = periods.Any(c => c.PeriodStartsBy is null) ? null : periods.Max(c => c.PeriodStartsBy);
                var touched = db.AssessmentSchemes.IgnoreQueryFilters([UnitKeys.FilterName]).Where(s => s.UnitId == unitId && !s.IsLocked
                    && (endsFrom == null || s.PeriodEnd >= endsFrom) && (startsBy == null || s.PeriodStart <= startsBy));
                await BumpAsync(db, unitId, touched.Select(s => s.Id), ct);
            }

            if (schemes.Count > 0)
            {
                await BumpAsync(db, unitId, db.AssessmentSchemes.IgnoreQueryFilters([UnitKeys.FilterName]).Where(s => s.UnitId == unitId && schemes.Contains(s.Id)).Select(s => s.Id), ct);
            }
        }
    }

    private static Task<int> BumpAsync(LuoshiDb db, int unitId, IQueryable<int> schemeIds, CancellationToken ct) =>
        db.StoredAssessments.IgnoreQueryFilters([UnitKeys.FilterName]).Where(r => r.UnitId == unitId && schemeIds.Contains(r.SchemeId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.InputVersion, r => r.InputVersion + 1), ct);
}
