namespace Luoshi.Benchmarking;

/// <summary>The stages of 寻标、对标、达标、夺标、创标 that a unit can be at on one indicator.</summary>
public enum GapStage
{
    /// <summary>对标: behind the benchmark unit.</summary>
    BelowBenchmark,

    /// <summary>达标: at least as good as the benchmark unit.</summary>
    ReachedBenchmark,

    /// <summary>夺标: the best of all units this year.</summary>
    LeadsPeers,

    /// <summary>创标: the best value of any unit in any year up to this one.</summary>
    BestOnRecord,
}

/// <summary>
/// A unit's gap on one indicator. Gaps are "what must change to equal them": benchmark − own value in the
/// indicator's unit (after denomination), and benchmark − own normalised score in points. Null stage when
/// the unit has no value.
/// </summary>
public sealed record IndicatorGap(
    string Indicator, double Value, double BenchmarkValue, string Leader, double LeaderValue,
    double GapToBenchmark, double GapToLeader, double PointsToBenchmark, double PointsToLeader, GapStage? Stage);

public static class GapAnalysis
{
    public static IReadOnlyList<IndicatorGap> Compute(IndexResult result, string unit, string benchmark)
    {
        var u = result.Data.UnitIndex(unit);
        var b = result.Data.UnitIndex(benchmark);
        var values = result.Stage(Stage.Denominated);
        var points = result.Stage(Stage.Normalised);
        var record = RecordBest(result);
        return [.. result.Framework.Indicators.Select((ind, i) =>
        {
            var d = ind.Direction;
            var leader = Enumerable.Range(0, values[i].Length).Where(k => !double.IsNaN(values[i][k])).MaxBy(k => d * values[i][k]);
            var x = values[i][u];
            GapStage? stage = double.IsNaN(x) ? null
                : d * x >= record[i] ? GapStage.BestOnRecord
                : d * x >= d * values[i][leader] ? GapStage.LeadsPeers
                : d * x >= d * values[i][b] ? GapStage.ReachedBenchmark
                : GapStage.BelowBenchmark;
            return new IndicatorGap(ind.Code, x, values[i][b], result.Units[leader].Code, values[i][leader],
                values[i][b] - x, values[i][leader] - x, points[i][b] - points[i][u], points[i][leader] - points[i][u], stage);
        })];
    }

    /// <summary>The best direction-adjusted value (d·x) of any unit in this and every earlier year, after the same denomination.</summary>
    private static double[] RecordBest(IndexResult result)
    {
        var framework = result.Framework;
        var best = framework.Indicators.Select(_ => double.NegativeInfinity).ToArray();
        foreach (var year in result.Data.Years.Where(y => y <= result.Year))
        {
            var raw = DataSteps.Raw(framework, result.Data, year);
            var values = !result.Options.Denominate ? raw : DataSteps.Denominate(framework, result.Data, year, raw);
            for (var i = 0; i < best.Length; i++)
            {
                var d = framework.Indicators[i].Direction;
                best[i] = values[i].Where(v => !double.IsNaN(v)).Select(v => d * v).Append(best[i]).Max();
            }
        }

        return best;
    }
}
