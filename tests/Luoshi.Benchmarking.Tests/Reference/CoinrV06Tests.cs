namespace Luoshi.Benchmarking.Tests.Reference;

/// <summary>COINr v0.6's stored index object: from its Treated data on, our normalisation, aggregation and ranks must agree.</summary>
public sealed class CoinrV06Tests
{
    private static (Framework, IndexResult) FromTreated()
    {
        var framework = Coinr.Framework();
        var data = Coinr.Data(framework, "v06_Data_Treated.csv");
        return (framework, CompositeIndex.Compute(framework, data));
    }

    [SharedDataFact]
    public void MinMaxWithDirectionsReproducesTheNormalisedData()
    {
        var (framework, result) = FromTreated();
        var diff = Coinr.MaxDifference(Coinr.Table("v06_Data_Normalised.csv"), Coinr.IndicatorCodes(framework),
            (u, i) => result.Value(Stage.Normalised, u, i));
        Assert.True(diff < 1e-9, $"max difference {diff}");
    }

    [SharedDataFact]
    public void EqualWeightArithmeticMeansReproduceEveryAggregate()
    {
        var (framework, result) = FromTreated();
        var diff = Coinr.MaxDifference(Coinr.Table("v06_Data_Aggregated.csv"), Coinr.AggregateCodes(framework), result.Score);
        Assert.True(diff < 1e-9, $"max difference {diff}");
    }

    // v0.6 ranked the scores after rounding them to 2 decimals (RUS on ConEcFin and PRT on Instit tie
    // only after rounding), so the stored ranks are reproduced from our scores rounded the same way.
    [SharedDataFact]
    public void RanksOfScoresRoundedAsV06RoundedThemMatchTheStoredRanks()
    {
        var (framework, result) = FromTreated();
        var expected = Coinr.Table("v06_Results_AggregatesRank.csv");
        var units = result.Units.Select(u => u.Code).ToList();
        foreach (var aggregate in Coinr.AggregateCodes(framework))
        {
            var ranks = Ranking.Ranks([.. units.Select(u => Math.Round(result.Score(u, aggregate), 2))]);
            Assert.All(units.Select((u, k) => (u, k)), p => Assert.Equal((int)expected[p.u, aggregate], ranks[p.k]));
        }
    }
}
