namespace Luoshi.Benchmarking.Tests.Analysis;

public sealed class RankTargetTests
{
    private static int? RankAfter(IReadOnlyList<string> indicators, double share) =>
        WhatIf.Improve(SmallIndex.Framework, SmallIndex.Data, SmallIndex.Options, 2024, "本市", indicators, share, beyondObserved: false).Rank;

    [Theory]
    [InlineData(new[] { "RD", "Patents" }, 3)]
    [InlineData(new[] { "RD", "Patents", "HighTech" }, 2)]
    [InlineData(new[] { "RD", "Patents", "HighTech", "Energy" }, 1)]
    public void TheFoundImprovementReachesTheRankAndASlightlySmallerOneDoesNot(string[] indicators, int target)
    {
        var found = RankTarget.Find(SmallIndex.Framework, SmallIndex.Data, SmallIndex.Options, "本市", indicators, target);
        Assert.True(found.Feasible, found.Message);
        Assert.True(found.AchievedRank <= target);
        Assert.True(RankAfter(indicators, found.Share) <= target);
        Assert.True(RankAfter(indicators, found.Share * (1 - 1e-6)) > target);
        Assert.Equal(indicators.Length, found.NewValues.Count);
    }

    [Fact]
    public void AnUnreachableRankIsReportedAsInfeasible()
    {
        var found = RankTarget.Find(SmallIndex.Framework, SmallIndex.Data, SmallIndex.Options, "本市", ["Energy"], 1, maxShare: 0.05);
        Assert.False(found.Feasible);
        Assert.Contains("不可行", found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AUnitAlreadyAtTheRankNeedsNoImprovement()
    {
        var found = RankTarget.Find(SmallIndex.Framework, SmallIndex.Data, SmallIndex.Options, "丙市", ["RD"], 2);
        Assert.True(found.Feasible);
        Assert.Equal(0, found.Share);
    }

    // Five districts; 贫困发生率 is lower-is-better in percent, 达标率 a percentage near its ceiling, 新增企业 a count.
    private static readonly Framework Districts = Framework.Build([
        new("Index", null, 1, false),
        new("Poverty", "Index", 1, true, Name: "贫困发生率", Direction: -1, Unit: "%"),
        new("Pass", "Index", 1, true, Name: "达标率", Unit: "%"),
        new("Firms", "Index", 1, true, Name: "新增企业", Unit: "家"),
    ]).Framework!;

    private static DataSet DistrictData(double ownFirms) => new(
        [.. new[] { "本区", "甲区", "乙区", "丙区", "丁区" }.Select(c => new UnitInfo(c))],
        ["Poverty", "Pass", "Firms"],
        new Dictionary<int, double[][]>
        {
            [2024] = [[0.9, 96.0, ownFirms], [0.1, 99.5, 40], [0.3, 98.0, 35], [0.5, 97.0, 20], [0.7, 99.0, 30]],
        });

    [Fact]
    public void TargetsStayWithinWhatPeersHaveReached()
    {
        var found = RankTarget.Find(Districts, DistrictData(10), new IndexOptions(), "本区", ["Poverty", "Pass", "Firms"], 1);

        Assert.All(found.NewValues, v => Assert.InRange(v.Value,
            v.Indicator switch { "Poverty" => 0.1, "Pass" => 96.0, _ => 10 },
            v.Indicator switch { "Poverty" => 0.9, "Pass" => 99.5, _ => 40 }));
    }

    [Fact]
    public void WidenedTargetsAreNeverNegativeAndPercentagesNeverPassOneHundred()
    {
        // Rank 1 at the full range past the best: a rate below zero and a pass rate above 100 % unless bounded.
        var found = RankTarget.Find(Districts, DistrictData(10), new IndexOptions(), "本区", ["Poverty", "Pass"], 1, maxShare: 3, beyondObserved: true);
        var unbounded = WhatIf.Improve(Districts, DistrictData(10), new IndexOptions(), 2024, "本区", ["Poverty", "Pass"], 3);
        Assert.Contains(unbounded.Changes, v => v.Value < 0 || v.Value > 100);

        Assert.All(found.NewValues, v => Assert.InRange(v.Value, 0, 100));
        Assert.Contains(found.NewValues, v => v.Indicator == "Poverty");
    }

    [Fact]
    public void AnIndicatorWithoutTheUnitsValueIsFlaggedNotTargeted()
    {
        var found = RankTarget.Find(Districts, DistrictData(double.NaN), new IndexOptions(), "本区", ["Poverty", "Firms"], 2);

        Assert.Equal(["Firms"], found.Unvalued);
        Assert.DoesNotContain(found.NewValues, v => v.Indicator == "Firms");
        Assert.Contains("新增企业本单位无数据", found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyUnvaluedIndicatorsGiveNoTargetAndSaySo()
    {
        var found = RankTarget.Find(Districts, DistrictData(double.NaN), new IndexOptions(), "本区", ["Firms"], 1);

        Assert.False(found.Feasible);
        Assert.Empty(found.NewValues);
        Assert.Contains("均无数据", found.Message, StringComparison.Ordinal);
    }
}
