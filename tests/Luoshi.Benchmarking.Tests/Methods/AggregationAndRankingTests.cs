namespace Luoshi.Benchmarking.Tests.Methods;

public sealed class AggregationAndRankingTests
{
    private static readonly int[] Children = [0, 1, 2];

    [Fact]
    public void ArithmeticMeanSkipsAMissingChildAndRescalesTheOtherWeights() =>
        Assert.Equal(32.5, Aggregator.Combine([10, double.NaN, 40], Children, [1, 2, 3], AggregationMethod.ArithmeticMean, 0));

    [Fact]
    public void GeometricMeanWeighsLogarithms() =>
        Assert.Equal(8 * Math.Sqrt(2), Aggregator.Combine([4, 16, double.NaN], Children, [1, 3, 5], AggregationMethod.GeometricMean, 0), 12);

    [Fact]
    public void AnAggregateWithTooSmallAShareOfDataIsMissing()
    {
        Assert.True(double.IsNaN(Aggregator.Combine([10, double.NaN, double.NaN], Children, [1, 1, 1], AggregationMethod.ArithmeticMean, 0.5)));
        Assert.Equal(15, Aggregator.Combine([10, 20, double.NaN], Children, [1, 1, 1], AggregationMethod.ArithmeticMean, 0.5));
    }

    [Fact]
    public void TiedScoresShareTheBetterRankAndMissingScoresHaveNone() =>
        Assert.Equal([3, 1, 1, 4, null], Ranking.Ranks([5, 9, 9, 1, double.NaN]));

    [Fact]
    public void RanksAreAPermutationWithTiesForRandomScores()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var scores = Enumerable.Range(0, random.Next(1, 30)).Select(_ => (double)random.Next(0, 8)).ToArray();
            var ranks = Ranking.Ranks(scores).Select(r => r!.Value).ToArray();
            for (var i = 0; i < scores.Length; i++)
            {
                Assert.Equal(1 + scores.Count(s => s > scores[i]), ranks[i]);
            }

            Assert.Equal(1, ranks.Min());
            Assert.True(ranks.Max() <= scores.Length);
        }
    }
}
