namespace Luoshi.Benchmarking;

/// <summary>
/// The smallest improvement that lifts a unit to rank k. Share is the common fraction of each indicator's
/// range (max − min across units) by which every listed indicator moves in its good direction; NewValues
/// are the values to reach (the targets of the tasks).
/// </summary>
public sealed record RankTargetResult(bool Feasible, int? CurrentRank, int TargetRank, int? AchievedRank, double Share,
    IReadOnlyList<ValueChange> NewValues, string Message);

public static class RankTarget
{
    /// <summary>
    /// Bisection on the share: the unit's score rises with each indicator's value (min–max, z-score, rank,
    /// ratios; arithmetic or geometric mean), and raising a value past the current best only lowers the
    /// others, so "rank ≤ k" holds on an interval [s*, maxShare]; the search brackets s* to the tolerance.
    /// </summary>
    public static RankTargetResult Find(Framework framework, DataSet data, IndexOptions options, string unit,
        IReadOnlyList<string> indicators, int targetRank, double maxShare = 1, double tolerance = 1e-9)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetRank, 1);
        ArgumentOutOfRangeException.ThrowIfZero(indicators.Count);
        var baseline = CompositeIndex.Compute(framework, data, options);
        var current = baseline.IndexRank(unit);
        if (current <= targetRank)
        {
            return new(true, current, targetRank, current, 0, [], $"已是第{current}名，无需提升。");
        }

        var top = WhatIf.Improve(framework, data, options, baseline.Year, unit, indicators, maxShare);
        if (!(top.Rank <= targetRank))
        {
            return new(false, current, targetRank, top.Rank, maxShare, top.Changes,
                $"不可行：所列指标各提高其全距的 {maxShare:P0} 后仍只到第{top.Rank}名，达不到第{targetRank}名。");
        }

        double lo = 0, hi = maxShare;
        var found = top;
        while (hi - lo > tolerance * maxShare)
        {
            var mid = (lo + hi) / 2;
            var trial = WhatIf.Improve(framework, data, options, baseline.Year, unit, indicators, mid);
            if (trial.Rank <= targetRank)
            {
                (hi, found) = (mid, trial);
            }
            else
            {
                lo = mid;
            }
        }

        return new(true, current, targetRank, found.Rank, hi, found.Changes,
            $"所列指标各提高其全距的 {hi:P2} 可升至第{found.Rank}名。");
    }
}
