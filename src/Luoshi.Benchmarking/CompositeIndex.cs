namespace Luoshi.Benchmarking;

/// <summary>
/// The composite indicator pipeline of the JRC/OECD Handbook (2008): denominate → impute → treat →
/// normalise → aggregate → rank. Invalid choices for the data (a missing denominator column, a
/// geometric mean over zeros…) are reported as <see cref="ArgumentException"/> with a message in Chinese.
/// </summary>
public static class CompositeIndex
{
    public static IndexResult Compute(Framework framework, DataSet data, IndexOptions? options = null)
    {
        options ??= new IndexOptions();
        var year = options.Year ?? data.LatestYear;
        if (!data.HasYear(year))
        {
            throw new ArgumentException($"数据中没有{year}年。", nameof(options));
        }

        var raw = DataSteps.Raw(framework, data, year);
        var denominated = options.Denominate ? DataSteps.Denominate(framework, data, year, raw) : raw;
        var imputed = DataSteps.Impute(framework, data, year, denominated, options);
        var (treated, reports) = DataSteps.Treat(framework, imputed, options.Treatment);
        var normalised = Normalise(framework, data, treated, options.Normalisation);
        var scores = Aggregate(framework, normalised, framework.Weights(), options.Aggregation, options.MinDataShare);
        return new IndexResult(framework, data, options, year, [raw, denominated, imputed, treated, normalised], scores, reports);
    }

    internal static double[][] Normalise(Framework framework, DataSet data, double[][] treated, Normalisation spec)
    {
        var reference = -1;
        if (spec.Method == NormalisationMethod.DistanceToReference)
        {
            reference = data.Units.ToList().FindIndex(u => u.Code == spec.ReferenceUnit);
            if (reference < 0)
            {
                throw new ArgumentException($"参照单位“{spec.ReferenceUnit}”不在数据中。", nameof(spec));
            }
        }

        var missingStandard = framework.Indicators.FirstOrDefault(i => i.StandardValue is null);
        if (spec.Method == NormalisationMethod.RatioToStandard && missingStandard is not null)
        {
            throw new ArgumentException($"指标“{missingStandard.Code}”没有标准值，不能按标准值折算。", nameof(spec));
        }

        return [.. framework.Indicators.Select((ind, i) => Normaliser.Apply(treated[i], ind.Direction, spec, reference, ind.StandardValue))];
    }

    internal static double[][] Aggregate(Framework framework, double[][] normalised, double[] weights, AggregationMethod method, double minShare)
    {
        if (method == AggregationMethod.GeometricMean)
        {
            for (var i = 0; i < normalised.Length; i++)
            {
                if (normalised[i].Any(v => v <= 0))
                {
                    throw new ArgumentException(
                        $"几何平均要求所有归一化值大于 0，指标“{framework.Indicators[i].Code}”有 0 或负值；请改用 minmax:1:100 等下界为正的归一化。", nameof(method));
                }
            }
        }

        return Aggregator.Scores(normalised, framework, weights, method, minShare);
    }
}
