namespace Luoshi.Benchmarking.Tests.Reference;

/// <summary>
/// COINr 1.1.14's full example (build_example_coin): denominate → impute by EurAsia group mean →
/// screen (drops no unit here, so not a step of ours) → treat outliers → min–max 0–100 → arithmetic mean.
/// </summary>
public sealed class CoinrExampleCoinTests(ITestOutputHelper output)
{
    private static readonly IndexOptions ExampleOptions = new()
    {
        Denominate = true,
        Imputation = Imputation.GroupMean,
        ImputationGroup = "EurAsia_group",
        Treatment = new TreatmentOptions(),
    };

    private static (Framework, IndexResult) Run()
    {
        var framework = Coinr.Framework();
        return (framework, CompositeIndex.Compute(framework, Coinr.Data(framework, "ASEM_iData.csv"), ExampleOptions));
    }

    [SharedDataTheory]
    [InlineData(Stage.Raw, "example_coin_Raw.csv")]
    [InlineData(Stage.Denominated, "example_coin_Denominated.csv")]
    [InlineData(Stage.Imputed, "example_coin_Imputed.csv")]
    [InlineData(Stage.Treated, "example_coin_Treated.csv")]
    [InlineData(Stage.Normalised, "example_coin_Normalised.csv")]
    public void EachStageOfTheExamplePipelineReproducesCoinr(Stage stage, string file)
    {
        var (framework, result) = Run();
        var diff = Coinr.MaxDifference(Coinr.Table("local-run", file), Coinr.IndicatorCodes(framework), (u, i) => result.Value(stage, u, i));
        output.WriteLine($"{file}: max abs difference {diff:G3}");
        Assert.True(diff < 1e-9, $"max difference {diff}");
    }

    [SharedDataFact]
    public void AggregatesAndRanksOfTheExamplePipelineReproduceCoinr()
    {
        var (framework, result) = Run();
        var aggregated = Coinr.MaxDifference(Coinr.Table("local-run", "example_coin_Aggregated.csv"), Coinr.AggregateCodes(framework), result.Score);
        var results = Coinr.Table("local-run", "example_coin_results_Aggs.csv");
        var table = Coinr.MaxDifference(results, Coinr.AggregateCodes(framework), result.Score);
        output.WriteLine($"aggregated {aggregated:G3}, results {table:G3}");
        Assert.True(aggregated < 1e-9 && table < 1e-9, $"aggregated {aggregated}, results {table}");
        Coinr.AssertRanks(results, result, [framework.Root], "Rank");
    }

    [SharedDataFact]
    public void TreatmentWinsorisesOrLogTransformsOnlyIndicatorsThatFailTheSkewAndKurtosisTest()
    {
        var (_, result) = Run();
        foreach (var report in result.Treatment)
        {
            output.WriteLine($"{report.Indicator}: winsorised {report.Winsorised}, log {report.LogTransformed}");
        }

        Assert.Contains(result.Treatment, r => r.Winsorised > 0);
        Assert.All(result.Treatment, r => Assert.False(r.Winsorised > 0 && r.LogTransformed));
    }
}
