namespace Luoshi.Benchmarking.Tests.Methods;

public sealed class DataStepTests
{
    private const double NaN = double.NaN;

    [Fact]
    public void DenominationDividesAndAZeroDenominatorGivesMissing() =>
        Assert.Equal([5, NaN], Denomination.Apply([10, 20], [2, 0]));

    [Fact]
    public void GroupMeanImputationFillsEachGapWithItsOwnGroupsMean() =>
        Assert.Equal([1, 2, 3, 10, 10, NaN], Imputer.GroupMean([1, NaN, 3, 10, NaN, NaN], ["A", "A", "A", "B", "B", "C"]));

    [Fact]
    public void PreviousYearImputationCarriesTheLatestEarlierValue() =>
        Assert.Equal([7, 5, NaN], Imputer.PreviousYear([NaN, 5, NaN], [[NaN, 1, NaN], [7, 2, NaN]]));

    // Reference values: Excel's SKEW and KURT formulas, n/((n−1)(n−2))·Σz³ and the matching kurtosis, on 1,2,3,4,10.
    [Fact]
    public void SkewnessAndKurtosisAreExcelsSampleDefinitions()
    {
        double[] x = [1, 2, 3, 4, 10];
        Assert.Equal(1.697056274847714, Statistics.Skewness(x), 12);
        Assert.Equal(3.152, Statistics.Kurtosis(x), 12);
    }

    // COINr's winsorise() help example: 1..10, 30, 100 passes after the 100 becomes 30.
    [Fact]
    public void WinsorisationReplacesTheOutlierByTheNextValueUntilTheColumnPasses()
    {
        var (values, count) = OutlierTreatment.Winsorise([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100], new TreatmentOptions());
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 30], values);
        Assert.Equal(1, count);
    }

    [Fact]
    public void AColumnThatWinsorisingCannotFixIsLogTransformedFromItsOriginalValues()
    {
        // Three far outliers: one winsorising step (5000 → 2000) leaves skew 3.9 and kurtosis 14.5.
        double[] x = [.. Enumerable.Range(1, 40).Select(v => (double)v), 1000, 2000, 5000];
        var (values, winsorised, logged) = OutlierTreatment.Treat(x, new TreatmentOptions(MaxWinsorised: 1));
        Assert.True(logged);
        Assert.Equal(0, winsorised);
        var shift = 0.01 * (5000 - 1);
        Assert.Equal(Math.Log(1 - 1 + shift), values[0], 12);
        Assert.Equal(Math.Log(5000 - 1 + shift), values[^1], 12);
    }

    [Fact]
    public void LogTransformIsLogOfValueMinusMinimumPlusOneHundredthOfTheRange() =>
        Assert.Equal([Math.Log(1), Math.Log(2), Math.Log(101)], OutlierTreatment.LogCt([0, 1, 100]));

    [Fact]
    public void AColumnWithinTheThresholdsIsLeftAlone()
    {
        double[] x = [1, 2, 3, 4, 5];
        Assert.Same(x, OutlierTreatment.Treat(x, new TreatmentOptions()).Values);
    }
}
