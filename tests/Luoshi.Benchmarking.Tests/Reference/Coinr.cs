namespace Luoshi.Benchmarking.Tests.Reference;

/// <summary>The ASEM framework and data as COINr ships them, and comparisons with COINr's stored outputs.</summary>
internal static class Coinr
{
    public static Framework Framework(IReadOnlyDictionary<string, double>? weights = null)
    {
        var framework = FrameworkImport.Read(SharedData.Path("reference", "coinr", "ASEM_iMeta.csv")).Value!;
        return weights is null ? framework : framework.WithWeights(weights);
    }

    public static DataSet Data(Framework framework, params string[] path)
    {
        var result = DataImport.Read(SharedData.Path(["reference", "coinr", .. path]), framework);
        Assert.Empty(result.Errors);
        return result.Value!;
    }

    /// <summary>Largest |ours − COINr's| over the given columns and every unit; NA must match NA.</summary>
    public static double MaxDifference(ReferenceTable expected, IEnumerable<string> columns, Func<string, string, double> actual)
    {
        var max = 0.0;
        foreach (var unit in expected.Units)
        {
            foreach (var column in columns)
            {
                var (e, a) = (expected[unit, column], actual(unit, column));
                Assert.True(double.IsNaN(e) == double.IsNaN(a), $"{unit}/{column}: expected {e}, got {a}");
                if (!double.IsNaN(e))
                {
                    max = Math.Max(max, Math.Abs(e - a));
                }
            }
        }

        return max;
    }

    public static ReferenceTable Table(params string[] path) => ReferenceTable.Coinr(path);

    public static IEnumerable<string> IndicatorCodes(Framework framework) => framework.Indicators.Select(i => i.Code);

    public static IEnumerable<string> AggregateCodes(Framework framework) => framework.Aggregates.Select(a => a.Code);

    public static void AssertRanks(ReferenceTable expected, IndexResult result, IEnumerable<string> aggregates, string? rankColumn = null)
    {
        foreach (var unit in expected.Units)
        {
            foreach (var a in aggregates)
            {
                Assert.Equal((int)expected[unit, rankColumn ?? a], result.Rank(unit, a));
            }
        }
    }
}
