namespace Luoshi.Benchmarking;

/// <summary>
/// The smallest improvement that lifts a unit to rank k. Share is the common fraction of each indicator's
/// range (max − min across units) by which every targeted indicator moves in its good direction; NewValues
/// are the values to reach (the targets of the tasks). Indicators the unit has no value for are not
/// targeted (Unvalued): a target on a number nobody has measured is a guess.
/// </summary>
public sealed record RankTargetResult(bool Feasible, int? CurrentRank, int TargetRank, int? AchievedRank, double Share,
    IReadOnlyList<ValueChange> NewValues, string Message)
{
    public IReadOnlyList<string> Unvalued { get; init; } = [];
}

public static class RankTarget
{
    /// <summary>
    /// Bisection on the share: the unit's score rises with each indicator's value (min–max, z-score, rank,
    /// ratios; arithmetic or geometric mean), and raising a value past the current best only lowers the
    /// others, so "rank ≤ k" holds on an interval [s*, maxShare]; the search brackets s* to the tolerance.
    /// Each target stays within <see cref="TargetBounds"/>: never negative for a quantity no peer reports
    /// negative, at most 100 for a percentage, and within the peers' observed range unless
    /// <paramref name="beyondObserved"/>. Clamping keeps the score monotone in the share, so the bisection holds.
    /// </summary>
    public static RankTargetResult Find(Framework framework, DataSet data, IndexOptions options, string unit,
        IReadOnlyList<string> indicators, int targetRank, double maxShare = 1, double tolerance = 1e-9, bool beyondObserved = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetRank, 1);
        ArgumentOutOfRangeException.ThrowIfZero(indicators.Count);
        var baseline = CompositeIndex.Compute(framework, data, options);
        var current = baseline.IndexRank(unit);
        if (current <= targetRank)
        {
            return new(true, current, targetRank, current, 0, [], $"已是第{current}名，无需提升。");
        }

        var unvalued = indicators.Where(code => double.IsNaN(data.Value(unit, code, baseline.Year))).ToList();
        var targeted = indicators.Except(unvalued).ToList();
        var missing = unvalued.Count == 0 ? "" : $"（{string.Join("、", unvalued.Select(c => Name(framework, c)))}本单位无数据，未定目标，请先补齐数据。）";
        if (targeted.Count == 0)
        {
            return new(false, current, targetRank, current, 0, [], $"无法定目标：所选指标本单位均无数据。{missing}") { Unvalued = unvalued };
        }

        var top = WhatIf.Improve(framework, data, options, baseline.Year, unit, targeted, maxShare, beyondObserved);
        if (!(top.Rank <= targetRank))
        {
            var limit = beyondObserved ? $"各提高其全距的 {maxShare:P0}" : "都达到同类单位已有的最好水平";
            return new(false, current, targetRank, top.Rank, maxShare, top.Changes,
                $"不可行：所列指标{limit}后仍只到第{top.Rank}名，达不到第{targetRank}名。{missing}") { Unvalued = unvalued };
        }

        double lo = 0, hi = maxShare;
        var found = top;
        while (hi - lo > tolerance * maxShare)
        {
            var mid = (lo + hi) / 2;
            var trial = WhatIf.Improve(framework, data, options, baseline.Year, unit, targeted, mid, beyondObserved);
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
            $"所列指标各提高其全距的 {hi:P2} 可升至第{found.Rank}名。{missing}") { Unvalued = unvalued };
    }

    private static string Name(Framework framework, string code) =>
        framework.Indicators[framework.IndicatorNumber(code)] is { Name.Length: > 0 } node ? node.Name : code;
}
