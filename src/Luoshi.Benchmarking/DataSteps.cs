namespace Luoshi.Benchmarking;

/// <summary>The steps before normalisation, each on columns [indicator][unit] of one year.</summary>
internal static class DataSteps
{
    public static double[][] Raw(Framework framework, DataSet data, int year) =>
        [.. framework.Indicators.Select(i => data.Column(i.Code, year))];

    public static double[][] Denominate(Framework framework, DataSet data, int year, double[][] raw)
    {
        return [.. framework.Indicators.Select((ind, i) => ind.Denominator switch
        {
            null => raw[i],
            var d when data.HasVariable(d) => Denomination.Apply(raw[i], data.Column(d, year)),
            var d => throw new ArgumentException($"指标“{ind.Code}”的分母“{d}”不在数据中。", nameof(data)),
        })];
    }

    public static double[][] Impute(Framework framework, DataSet data, int year, double[][] denominated, IndexOptions options)
    {
        switch (options.Imputation)
        {
            case Imputation.GroupMean:
                var attribute = GroupAttribute(data, options.ImputationGroup);
                var groups = data.Units.Select(u => u.Attributes.TryGetValue(attribute, out var g) ? g : "").ToList();
                return [.. denominated.Select(x => Imputer.GroupMean(x, groups))];
            case Imputation.PreviousYear:
                // Earlier years go through the same denomination, so that a carried value is comparable.
                var earlier = data.Years.Where(y => y < year).OrderDescending()
                    .Select(y => options.Denominate ? Denominate(framework, data, y, Raw(framework, data, y)) : Raw(framework, data, y))
                    .ToList();
                return [.. denominated.Select((x, i) => Imputer.PreviousYear(x, [.. earlier.Select(e => e[i])]))];
            default:
                return denominated;
        }
    }

    public static (double[][] Treated, IReadOnlyList<TreatmentReport> Reports) Treat(Framework framework, double[][] imputed, TreatmentOptions? options)
    {
        if (options is null)
        {
            return (imputed, []);
        }

        var treated = new double[imputed.Length][];
        var reports = new List<TreatmentReport>();
        for (var i = 0; i < imputed.Length; i++)
        {
            var (values, winsorised, logged) = OutlierTreatment.Treat(imputed[i], options);
            treated[i] = values;
            reports.Add(new TreatmentReport(framework.Indicators[i].Code, winsorised, logged));
        }

        return (treated, reports);
    }

    private static string GroupAttribute(DataSet data, string? requested)
    {
        var attributes = data.Units.SelectMany(u => u.Attributes.Keys).Distinct(StringComparer.Ordinal).ToList();
        if (requested is not null)
        {
            return attributes.Contains(requested) ? requested : throw new ArgumentException($"数据中没有分组列“{requested}”。", nameof(requested));
        }

        return attributes.Count == 1 ? attributes[0]
            : throw new ArgumentException($"按组均值插补须指定分组列（可选：{string.Join("、", attributes)}）。", nameof(requested));
    }
}
