namespace Luoshi.Benchmarking.Tests.Analysis;

public sealed class RankTargetTests
{
    private static int? RankAfter(IReadOnlyList<string> indicators, double share) =>
        WhatIf.Improve(SmallIndex.Framework, SmallIndex.Data, SmallIndex.Options, 2024, "本市", indicators, share).Rank;

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
}
