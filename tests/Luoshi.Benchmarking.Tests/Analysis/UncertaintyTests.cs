namespace Luoshi.Benchmarking.Tests.Analysis;

public sealed class UncertaintyTests
{
    private static readonly UncertaintyOptions Wide = new(Replications: 500, Seed: 42, WeightVariation: 0.5,
        Normalisations: [Normalisation.MinMax(1, 100), Normalisation.Rank, Normalisation.Reference("甲市")],
        Aggregations: [AggregationMethod.ArithmeticMean, AggregationMethod.GeometricMean]);

    private static IReadOnlyList<UnitUncertainty> Run(UncertaintyOptions settings) =>
        Uncertainty.Run(SmallIndex.Framework, SmallIndex.Data, SmallIndex.Options, settings);

    [Fact]
    public void TheSameSeedGivesTheSameIntervals() => Assert.Equal(Run(Wide), Run(Wide));

    [Fact]
    public void MedianRankLiesInsideTheFiveToNinetyFivePercentInterval()
    {
        Assert.All(Run(Wide), u => Assert.True(u.Percentile5 <= u.MedianRank && u.MedianRank <= u.Percentile95, u.ToString()));
        Assert.Contains(Run(Wide), u => u.Percentile95 > u.Percentile5);
    }

    [Fact]
    public void WithoutAnyVariationEveryReplicationGivesTheNominalRank()
    {
        var results = Run(new UncertaintyOptions(Replications: 50, WeightVariation: 0));
        Assert.All(results, u => Assert.Equal((double)u.NominalRank!.Value, u.Percentile5));
        Assert.All(results, u => Assert.Equal((double)u.NominalRank!.Value, u.Percentile95));
    }

    [Fact]
    public void GeometricMeanOverNormalisationsWithZerosIsRefusedBeforeAnyReplication() =>
        Assert.Throws<ArgumentException>(() => Run(new UncertaintyOptions(Normalisations: [Normalisation.MinMax()], Aggregations: [AggregationMethod.GeometricMean])));
}
