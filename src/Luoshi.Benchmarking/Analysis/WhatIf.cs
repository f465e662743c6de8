namespace Luoshi.Benchmarking;

/// <summary>One unit's index score and rank before and after a what-if change.</summary>
public sealed record WhatIfRow(string Unit, double Score, int? Rank, double NewScore, int? NewRank);

public sealed record WhatIfResult(IndexResult Before, IndexResult After, IReadOnlyList<WhatIfRow> Rows);

/// <summary>
/// What-if: change some raw values and recompute the whole pipeline, because under min–max, z-score or
/// rank normalisation one unit's value moves every unit's normalised scores.
/// </summary>
public static class WhatIf
{
    public static WhatIfResult Run(Framework framework, DataSet data, IndexOptions options, IEnumerable<ValueChange> changes)
    {
        var before = CompositeIndex.Compute(framework, data, options);
        var after = CompositeIndex.Compute(framework, data.With(changes, before.Year), options with { Year = before.Year });
        var rows = before.Units.Select(u => new WhatIfRow(u.Code, before.IndexScore(u.Code), before.IndexRank(u.Code), after.IndexScore(u.Code), after.IndexRank(u.Code)));
        return new WhatIfResult(before, after, [.. rows.OrderBy(r => r.NewRank ?? int.MaxValue)]);
    }

    /// <summary>The unit's rank after moving each listed indicator by share × its range across units, in its good direction.</summary>
    /// <param name="beyondObserved">Given for targets: each new value is kept within its indicator's
    /// <see cref="TargetBounds"/> (null: unbounded, as sensitivity wants a like-for-like step).</param>
    internal static (int? Rank, double Score, IReadOnlyList<ValueChange> Changes) Improve(
        Framework framework, DataSet data, IndexOptions options, int year, string unit, IReadOnlyList<string> indicators, double share,
        bool? beyondObserved = null)
    {
        var changes = indicators.Select(code =>
        {
            var ind = framework.Indicators[framework.IndicatorNumber(code)];
            var column = Statistics.Present(data.Column(code, year));
            var start = data.Value(unit, code, year);
            // A unit without a value starts from the worst observed one.
            start = double.IsNaN(start) ? (ind.Direction > 0 ? column.Min() : column.Max()) : start;
            var value = start + (ind.Direction * share * (column.Max() - column.Min()));
            return new ValueChange(unit, code, beyondObserved is { } beyond ? TargetBounds.For(ind, column, beyond).Clamp(value) : value);
        }).ToList();
        var result = CompositeIndex.Compute(framework, data.With(changes, year), options with { Year = year });
        return (result.IndexRank(unit), result.IndexScore(unit), changes);
    }
}
