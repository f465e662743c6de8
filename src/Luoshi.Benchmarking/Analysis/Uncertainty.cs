namespace Luoshi.Benchmarking;

/// <summary>
/// Monte Carlo settings: each replication multiplies every weight by a factor drawn uniformly from
/// [1 − WeightVariation, 1 + WeightVariation] and picks one normalisation and one aggregation uniformly.
/// Empty choice lists mean "the one in the index options".
/// </summary>
public sealed record UncertaintyOptions(
    int Replications = 1000,
    int Seed = 20240101,
    double WeightVariation = 0.25,
    IReadOnlyList<Normalisation>? Normalisations = null,
    IReadOnlyList<AggregationMethod>? Aggregations = null);

/// <summary>A unit's rank under the nominal choices and its distribution over the replications.</summary>
public sealed record UnitUncertainty(string Unit, int? NominalRank, double MedianRank, double Percentile5, double Percentile95);

/// <summary>
/// Uncertainty analysis (handbook step 7) by Monte Carlo. The data steps before normalisation are done once;
/// each normalisation choice is computed once; replications only re-aggregate and re-rank, in parallel.
/// All random draws are made first from one seeded generator, so results do not depend on thread timing.
/// </summary>
public static class Uncertainty
{
    public static IReadOnlyList<UnitUncertainty> Run(Framework framework, DataSet data, IndexOptions options, UncertaintyOptions settings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Replications, 1);
        var nominal = CompositeIndex.Compute(framework, data, options);
        var normalisations = settings.Normalisations is { Count: > 0 } n ? n : [options.Normalisation];
        var aggregations = settings.Aggregations is { Count: > 0 } a ? a : [options.Aggregation];
        var treated = nominal.Stage(Stage.Treated);
        var normalised = normalisations.Select(spec => CompositeIndex.Normalise(framework, data, treated, spec)).ToArray();
        if (aggregations.Contains(AggregationMethod.GeometricMean))
        {
            // Fails now, with the message naming the indicator, rather than inside a replication.
            foreach (var matrix in normalised)
            {
                CompositeIndex.Aggregate(framework, matrix, framework.Weights(), AggregationMethod.GeometricMean, options.MinDataShare);
            }
        }

        var random = new Random(settings.Seed);
        var baseWeights = framework.Weights();
        var draws = Enumerable.Range(0, settings.Replications).Select(_ => (
            Weights: baseWeights.Select(w => w * (1 + (settings.WeightVariation * ((2 * random.NextDouble()) - 1)))).ToArray(),
            Normalisation: random.Next(normalised.Length),
            Aggregation: random.Next(aggregations.Count))).ToArray();

        var root = framework.NodeNumber(framework.Root) - framework.IndicatorCount;
        var ranks = new int?[settings.Replications][];
        Parallel.For(0, settings.Replications, r =>
        {
            var (weights, norm, agg) = draws[r];
            ranks[r] = Ranking.Ranks(Aggregator.Scores(normalised[norm], framework, weights, aggregations[agg], options.MinDataShare)[root]);
        });

        return [.. nominal.Units.Select((unit, u) =>
        {
            var sorted = ranks.Where(r => r[u] is not null).Select(r => (double)r[u]!.Value).Order().ToArray();
            return sorted.Length == 0
                ? new UnitUncertainty(unit.Code, nominal.IndexRank(unit.Code), double.NaN, double.NaN, double.NaN)
                : new UnitUncertainty(unit.Code, nominal.IndexRank(unit.Code),
                    Statistics.Quantile(sorted, 0.5), Statistics.Quantile(sorted, 0.05), Statistics.Quantile(sorted, 0.95));
        })];
    }
}
