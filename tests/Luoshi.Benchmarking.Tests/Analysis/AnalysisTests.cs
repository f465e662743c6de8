namespace Luoshi.Benchmarking.Tests.Analysis;

public sealed class AnalysisTests
{
    private static IndexResult Baseline() => CompositeIndex.Compute(SmallIndex.Framework, SmallIndex.Data, SmallIndex.Options);

    [Fact]
    public void TheSmallIndexScoresByHand()
    {
        // 本市 2024: RD (2.0−1.2)/2.4, Patents 6/49, HighTech 10/36, Energy (0.8−0.55)/0.45; pillars weighted 2:1.
        var innovation = ((0.8 / 2.4) + (6.0 / 49)) / 2 * 100;
        var industry = ((10.0 / 36) + (0.25 / 0.45)) / 2 * 100;
        Assert.Equal(((2 * innovation) + industry) / 3, Baseline().IndexScore("本市"), 12);
        Assert.Equal(1, Baseline().IndexRank("丙市"));
    }

    [Fact]
    public void GapsToTheBenchmarkAreInTheIndicatorsUnitAndInPoints()
    {
        var gap = GapAnalysis.Compute(Baseline(), "本市", "甲市").Single(g => g.Indicator == "RD");
        Assert.Equal(1.0, gap.GapToBenchmark, 12);
        Assert.Equal(1.6, gap.GapToLeader, 12);
        Assert.Equal("丙市", gap.Leader);
        Assert.Equal(100 * 1.0 / 2.4, gap.PointsToBenchmark, 9);
        Assert.Equal(GapStage.BelowBenchmark, gap.Stage);
    }

    [Fact]
    public void StagesDistinguishReachedLeadingAndBestOnRecord()
    {
        var gaps = GapAnalysis.Compute(Baseline(), "丙市", "甲市").ToDictionary(g => g.Indicator);
        Assert.Equal(GapStage.BestOnRecord, gaps["RD"].Stage);
        // 丙市's energy use 0.35 leads 2024 but 0.30 in 2023 is the record; lower is better.
        Assert.Equal(GapStage.LeadsPeers, gaps["Energy"].Stage);
        Assert.Equal(GapStage.ReachedBenchmark, GapAnalysis.Compute(Baseline(), "乙市", "甲市").Single(g => g.Indicator == "HighTech").Stage);
    }

    [Fact]
    public void WhatIfRecomputesEveryUnitsScoreAndRank()
    {
        var whatIf = WhatIf.Run(SmallIndex.Framework, SmallIndex.Data, SmallIndex.Options, [new ValueChange("本市", "RD", 3.6), new ValueChange("本市", "Patents", 60)]);
        var city = whatIf.Rows.Single(r => r.Unit == "本市");
        Assert.True(city.NewScore > city.Score);
        Assert.True(city.NewRank < city.Rank);
        // 丙市 was the patents leader; the new maximum lowers its normalised patents and its score.
        var leader = whatIf.Rows.Single(r => r.Unit == "丙市");
        Assert.True(leader.NewScore < leader.Score);
    }

    [Fact]
    public void SensitivityListsTheIndicatorsByTheirEffectOnTheIndex()
    {
        var impacts = Sensitivity.Rank(SmallIndex.Framework, SmallIndex.Data, SmallIndex.Options, "本市", 0.1);
        Assert.Equal(4, impacts.Count);
        Assert.True(impacts.Zip(impacts.Skip(1)).All(p => p.First.ScoreChange >= p.Second.ScoreChange));
        // Innovation weighs 2 against 1, so a tenth of the range there moves the index twice as much.
        Assert.Equal(2 * impacts.Single(i => i.Indicator == "HighTech").ScoreChange, impacts.Single(i => i.Indicator == "RD").ScoreChange, 9);
        Assert.Equal(-0.1 * 0.45, impacts.Single(i => i.Indicator == "Energy").Change, 12);
    }

    [Fact]
    public void AnIndicatorOnWhichTheUnitIsAlreadyBestAddsNothingToItsOwnScore()
    {
        var impacts = Sensitivity.Rank(SmallIndex.Framework, SmallIndex.Data, SmallIndex.Options, "丙市", 0.1);
        Assert.Equal(0, impacts.Single(i => i.Indicator == "RD").ScoreChange, 12);
    }

    [Fact]
    public void ScalingUpAGoodIndicatorNeverLowersTheUnitsScore()
    {
        var random = new Random(11);
        var baseline = Baseline();
        for (var trial = 0; trial < 50; trial++)
        {
            var city = SmallIndex.Cities[random.Next(SmallIndex.Cities.Length)];
            var indicator = new[] { "RD", "Patents", "HighTech" }[random.Next(3)];
            var scaled = SmallIndex.Data.Value(city, indicator, 2024) * (1 + random.NextDouble());
            var after = WhatIf.Run(SmallIndex.Framework, SmallIndex.Data, SmallIndex.Options, [new ValueChange(city, indicator, scaled)]);
            Assert.True(after.After.IndexScore(city) >= baseline.IndexScore(city) - 1e-12);
        }
    }

    [Fact]
    public void TheResultDoesNotDependOnTheOrderOfUnits()
    {
        var order = new[] { 3, 0, 4, 1, 2 };
        var shuffled = new DataSet([.. order.Select(k => SmallIndex.Data.Units[k])], SmallIndex.Data.Variables,
            SmallIndex.Data.Years.ToDictionary(y => y, y => order.Select(k => SmallIndex.Data.Variables.Select(v => SmallIndex.Data.Value(SmallIndex.Cities[k], v, y)).ToArray()).ToArray()));
        var a = Baseline();
        var b = CompositeIndex.Compute(SmallIndex.Framework, shuffled, SmallIndex.Options);
        Assert.All(SmallIndex.Cities, c => Assert.Equal((a.IndexScore(c), a.IndexRank(c)), (b.IndexScore(c), b.IndexRank(c))));
    }
}
