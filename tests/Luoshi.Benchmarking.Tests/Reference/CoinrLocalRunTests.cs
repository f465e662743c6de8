namespace Luoshi.Benchmarking.Tests.Reference;

/// <summary>COINr 1.1.14 run on the raw ASEM data (63 missing cells): min–max, NA skipped in aggregation, ranks.</summary>
public sealed class CoinrLocalRunTests
{
    private static void AssertReproduces(IndexResult result, Framework framework, string prefix, string normalisedFile)
    {
        var normalised = Coinr.MaxDifference(Coinr.Table("local-run", normalisedFile), Coinr.IndicatorCodes(framework),
            (u, i) => result.Value(Stage.Normalised, u, i));
        var aggregated = Coinr.MaxDifference(Coinr.Table("local-run", $"{prefix}_Aggregated.csv"), Coinr.AggregateCodes(framework), result.Score);
        Assert.True(normalised < 1e-9 && aggregated < 1e-9, $"normalised {normalised}, aggregated {aggregated}");
    }

    [SharedDataFact]
    public void MinMaxAndArithmeticMeanWithMissingValuesSkippedReproduceCleanRun()
    {
        var framework = Coinr.Framework();
        var result = CompositeIndex.Compute(framework, Coinr.Data(framework, "ASEM_iData.csv"));
        AssertReproduces(result, framework, "clean", "clean_Normalised.csv");
        var results = Coinr.Table("local-run", "clean_results_Aggs.csv");
        Assert.True(Coinr.MaxDifference(results, Coinr.AggregateCodes(framework), result.Score) < 1e-9);
        Coinr.AssertRanks(results, result, [framework.Root], "Rank");
    }

    [SharedDataFact]
    public void UnequalWeightsOnConnAndGoodsReproduceWeightedRun()
    {
        var framework = Coinr.Framework(new Dictionary<string, double> { ["Conn"] = 2, ["Goods"] = 3 });
        var result = CompositeIndex.Compute(framework, Coinr.Data(framework, "ASEM_iData.csv"));
        AssertReproduces(result, framework, "clean_weighted", "clean_Normalised.csv");
        var results = Coinr.Table("local-run", "clean_weighted_results_Aggs.csv");
        Assert.True(Coinr.MaxDifference(results, Coinr.AggregateCodes(framework), result.Score) < 1e-9);
        Coinr.AssertRanks(results, result, [framework.Root], "Rank");
    }

    [SharedDataFact]
    public void MinMaxOneToHundredThenGeometricMeanReproducesGmeanRun()
    {
        var framework = Coinr.Framework();
        var options = new IndexOptions { Normalisation = Normalisation.MinMax(1, 100), Aggregation = AggregationMethod.GeometricMean };
        var result = CompositeIndex.Compute(framework, Coinr.Data(framework, "ASEM_iData.csv"), options);
        AssertReproduces(result, framework, "clean_gmean", "clean_gmean_Normalised_1_100.csv");
    }

    [SharedDataFact]
    public void GeometricMeanOverZeroScoresIsRefusedWithAClearMessage()
    {
        var framework = Coinr.Framework();
        var options = new IndexOptions { Aggregation = AggregationMethod.GeometricMean };
        var error = Assert.Throws<ArgumentException>(() => CompositeIndex.Compute(framework, Coinr.Data(framework, "ASEM_iData.csv"), options));
        Assert.Contains("几何平均", error.Message, StringComparison.Ordinal);
    }
}
