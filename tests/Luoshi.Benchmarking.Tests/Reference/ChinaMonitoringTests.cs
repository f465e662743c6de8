namespace Luoshi.Benchmarking.Tests.Reference;

/// <summary>
/// 全国科技进步统计监测: each indicator as min(100, 100·value/standard), then weighted sums level by level.
/// The official weights are not public, so the test supplies its own; the expected index is computed here
/// directly from the CSV rows, independently of the library's framework and aggregation code.
/// </summary>
public sealed class ChinaMonitoringTests
{
    private static readonly Dictionary<string, double> FirstLevelWeights = new()
    {
        ["科技进步环境"] = 0.2, ["科技活动投入"] = 0.3, ["科技活动产出"] = 0.3, ["高新技术产业化"] = 0.2,
    };

    private sealed record Row(string Level1, string Level2, string Code, double Standard);

    private static List<Row> Rows() =>
        [.. ReferenceTable.Read(SharedData.Path("reference", "china", "monitoring_standards_partial.csv"), "level3") is var t
            ? t.Units.Select(code => new Row(t.Text(code, "level1"), t.Text(code, "level2"), code, t[code, "standard_value"]))
            : []];

    // A city at a fixed fraction of each standard, some above it (capped), some below.
    private static double CityValue(Row row, int k) => row.Standard * (0.4 + (0.15 * (k % 6)));

    [SharedDataFact]
    public void RatioToStandardCappedAtHundredWithSuppliedWeightsGivesTheWeightedSumByLevel()
    {
        var rows = Rows();
        Assert.Equal(22, rows.Count);
        var nodes = new List<FrameworkNode> { new("综合科技进步水平", null, 1, false) };
        nodes.AddRange(FirstLevelWeights.Select(p => new FrameworkNode(p.Key, "综合科技进步水平", p.Value, false)));
        nodes.AddRange(rows.Select(r => r.Level2).Distinct().Select(l2 => new FrameworkNode(l2, rows.First(r => r.Level2 == l2).Level1, 1, false)));
        nodes.AddRange(rows.Select(r => new FrameworkNode(r.Code, r.Level2, 1, true, StandardValue: r.Standard)));
        var framework = Framework.Build(nodes).Framework!;
        var city = rows.Select(CityValue).ToArray();
        var peer = rows.Select(r => r.Standard * 0.5).ToArray();
        var data = new DataSet([new UnitInfo("本市"), new UnitInfo("对标市")], [.. rows.Select(r => r.Code)],
            new Dictionary<int, double[][]> { [2024] = [city, peer] });

        var result = CompositeIndex.Compute(framework, data, new IndexOptions { Normalisation = Normalisation.Target });

        var scored = rows.Select((r, k) => (r, score: Math.Min(100, 100 * city[k] / r.Standard))).ToList();
        var expected = scored.GroupBy(p => p.r.Level1)
            .Sum(g1 => FirstLevelWeights[g1.Key] * g1.GroupBy(p => p.r.Level2).Average(g2 => g2.Average(p => p.score)));
        Assert.Equal(expected, result.IndexScore("本市"), 12);
        Assert.Equal(50, result.IndexScore("对标市"), 12);
        Assert.Equal(1, result.IndexRank("本市"));
    }
}
