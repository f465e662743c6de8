namespace Luoshi.Benchmarking.Tests.Reference;

/// <summary>The small examples printed in COINr's documentation (docs_small_examples.txt), to the printed 6 decimals.</summary>
public sealed class CoinrDocsExamplesTests
{
    private static readonly double[][] AggregateVignette = [[1, 2, 3], [3, double.NaN, double.NaN], [1, double.NaN, 1]];

    private static double[] AggregateRows(double minShare)
    {
        var framework = Framework.Build([
            new FrameworkNode("i1", "ix", 1, true), new FrameworkNode("i2", "ix", 1, true),
            new FrameworkNode("i3", "ix", 1, true), new FrameworkNode("ix", null, 1, false)]).Framework!;
        return [.. Aggregator.Scores(AggregateVignette, framework, framework.Weights(), AggregationMethod.ArithmeticMean, minShare)[0]];
    }

    [Fact]
    public void AggregationWithADataThresholdOfTwoThirdsGivesTheVignettesNaInTheSecondRow()
    {
        var rows = AggregateRows(2.0 / 3);
        Assert.Equal(1.666667, rows[0], 6);
        Assert.True(double.IsNaN(rows[1]));
        Assert.Equal(2.0, rows[2], 6);
    }

    [Fact]
    public void AggregationWithoutAThresholdSkipsMissingValuesAndRescalesWeights()
    {
        Assert.Equal([1.666667, 2.0, 2.0], AggregateRows(0).Select(v => Math.Round(v, 6)));
    }

    // Normalise(iris) prints the first row; iris's column minima and maxima (4.3–7.9, 2.0–4.4, 1.0–6.9,
    // 0.1–2.5) with that row's values reproduce it, since min–max depends on nothing else.
    [Theory]
    [InlineData(5.1, 4.3, 7.9, 22.222222)]
    [InlineData(3.5, 2.0, 4.4, 62.5)]
    [InlineData(1.4, 1.0, 6.9, 6.779661)]
    [InlineData(0.2, 0.1, 2.5, 4.166667)]
    public void MinMaxOfTheIrisFirstRowMatchesTheNormaliseVignette(double first, double min, double max, double expected)
    {
        Assert.Equal(expected, Normaliser.MinMax([first, min, max], 1, 0, 100)[0], 6);
    }
}
