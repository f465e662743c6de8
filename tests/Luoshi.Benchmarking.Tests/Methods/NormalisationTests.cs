namespace Luoshi.Benchmarking.Tests.Methods;

public sealed class NormalisationTests
{
    private const double NaN = double.NaN;

    [Fact]
    public void MinMaxOfALowerIsBetterIndicatorPutsTheSmallestValueAtTheTop() =>
        Assert.Equal([100, 75, 0, NaN], Normaliser.MinMax([1, 2, 5, NaN], -1, 0, 100));

    [Fact]
    public void MinMaxHonoursTheRequestedBounds() =>
        Assert.Equal([1, 50.5, 100], Normaliser.MinMax([0, 5, 10], 1, 1, 100));

    [Fact]
    public void ZScoreUsesTheSampleStandardDeviation() =>
        Assert.Equal([-1, 0, 1], Normaliser.ZScore([1, 2, 3], 1, 0, 1));

    [Fact]
    public void RankNormalisationGivesTiedValuesTheirAverageRank() =>
        Assert.Equal([1, 2.5, 2.5, 4, NaN], Normaliser.Rank([10, 20, 20, 30, NaN], 1));

    [Fact]
    public void RankNormalisationOfALowerIsBetterIndicatorRanksTheSmallestHighest() =>
        Assert.Equal([3, 2, 1], Normaliser.Rank([10, 20, 30], -1));

    [Fact]
    public void DistanceToAReferenceUnitIsHundredTimesTheRatioInTheGoodDirection()
    {
        Assert.Equal([50, 100, 200], Normaliser.Ratio([50, 100, 200], 1, 100, cap: false));
        Assert.Equal([200, 100, 50], Normaliser.Ratio([50, 100, 200], -1, 100, cap: false));
    }

    [Fact]
    public void RatioToAStandardValueIsCappedAtHundred()
    {
        Assert.Equal([50, 100], Normaliser.Ratio([1.25, 5], 1, 2.5, cap: true));
        Assert.Equal([50, 100], Normaliser.Ratio([200, 80], -1, 100, cap: true));
    }

    [Theory]
    [InlineData("minmax", NormalisationMethod.MinMax, 0, 100)]
    [InlineData("minmax:1:100", NormalisationMethod.MinMax, 1, 100)]
    [InlineData("zscore", NormalisationMethod.ZScore, 0, 1)]
    [InlineData("rank", NormalisationMethod.Rank, 0, 100)]
    [InlineData("target", NormalisationMethod.RatioToStandard, 0, 100)]
    public void CommandLineSpellingsParseToTheirMethod(string text, NormalisationMethod method, double low, double high)
    {
        var spec = Normalisation.Parse(text)!;
        Assert.Equal((method, low, high), (spec.Method, spec.Low, spec.High));
    }

    [Theory]
    [InlineData("minmax:100:0")]
    [InlineData("minmax:a:b")]
    [InlineData("ref:")]
    [InlineData("box-cox")]
    public void MalformedNormalisationSpellingsAreRejected(string text) => Assert.Null(Normalisation.Parse(text));
}
