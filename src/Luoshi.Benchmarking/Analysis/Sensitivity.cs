namespace Luoshi.Benchmarking;

/// <summary>The effect on a unit's index of improving one indicator by the same share of its range.</summary>
public sealed record IndicatorImpact(string Indicator, double Change, double NewValue, double ScoreChange, int? NewRank);

/// <summary>
/// Which indicators move the index most: each indicator in turn is improved by share × (max − min across
/// units) in its good direction, the whole pipeline recomputed, and the indicators sorted by the gain.
/// A common share of range makes indicators in different units comparable.
/// </summary>
public static class Sensitivity
{
    public static IReadOnlyList<IndicatorImpact> Rank(Framework framework, DataSet data, IndexOptions options, string unit, double shareOfRange = 0.1)
    {
        var baseline = CompositeIndex.Compute(framework, data, options);
        var score = baseline.IndexScore(unit);
        return [.. framework.Indicators.Select(ind =>
        {
            var (rank, newScore, changes) = WhatIf.Improve(framework, data, options, baseline.Year, unit, [ind.Code], shareOfRange);
            var before = data.Value(unit, ind.Code, baseline.Year);
            return new IndicatorImpact(ind.Code, changes[0].Value - before, changes[0].Value, newScore - score, rank);
        }).OrderByDescending(i => i.ScoreChange)];
    }
}
