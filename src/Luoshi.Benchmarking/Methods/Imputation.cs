namespace Luoshi.Benchmarking;

/// <summary>How missing values are handled before normalisation.</summary>
public enum Imputation
{
    /// <summary>Leave missing: aggregation skips them and rescales the remaining weights.</summary>
    None,

    /// <summary>The mean of the unit's group (units with the same value of a text attribute) in the same year.</summary>
    GroupMean,

    /// <summary>The unit's own latest earlier value (last observation carried forward).</summary>
    PreviousYear,
}

internal static class Imputer
{
    /// <summary>COINr i_mean_grp: each missing value becomes the mean of the present values in its group; a group with none stays missing.</summary>
    public static double[] GroupMean(double[] x, IReadOnlyList<string> groups)
    {
        var means = x.Select((v, u) => (v, g: groups[u])).Where(p => !double.IsNaN(p.v))
            .GroupBy(p => p.g, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.v) / g.Count(), StringComparer.Ordinal);
        return [.. x.Select((v, u) => double.IsNaN(v) && means.TryGetValue(groups[u], out var m) ? m : v)];
    }

    /// <summary>Fills each missing value from the earlier years, newest first.</summary>
    public static double[] PreviousYear(double[] x, IReadOnlyList<double[]> earlierNewestFirst)
    {
        var result = (double[])x.Clone();
        for (var u = 0; u < result.Length; u++)
        {
            for (var k = 0; k < earlierNewestFirst.Count && double.IsNaN(result[u]); k++)
            {
                result[u] = earlierNewestFirst[k][u];
            }
        }

        return result;
    }
}
