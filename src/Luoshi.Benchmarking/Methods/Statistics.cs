namespace Luoshi.Benchmarking;

/// <summary>Descriptive statistics over the non-missing (non-NaN) values of a column.</summary>
internal static class Statistics
{
    public static double[] Present(IEnumerable<double> x) => [.. x.Where(v => !double.IsNaN(v))];

    public static double Mean(IReadOnlyList<double> x) => x.Count == 0 ? double.NaN : x.Sum() / x.Count;

    /// <summary>Sample standard deviation (n − 1), as R's sd().</summary>
    public static double StandardDeviation(IReadOnlyList<double> x)
    {
        var m = Mean(x);
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Count - 1));
    }

    /// <summary>Skewness as e1071::skewness type 2 (Excel's SKEW), the definition COINr uses.</summary>
    public static double Skewness(IReadOnlyList<double> x)
    {
        double n = x.Count, m = Mean(x), s2 = 0, s3 = 0;
        foreach (var v in x)
        {
            var d = v - m;
            s2 += d * d;
            s3 += d * d * d;
        }

        return Math.Sqrt(n) * s3 / Math.Pow(s2, 1.5) * Math.Sqrt(n * (n - 1)) / (n - 2);
    }

    /// <summary>Excess kurtosis as e1071::kurtosis type 2 (Excel's KURT), the definition COINr uses.</summary>
    public static double Kurtosis(IReadOnlyList<double> x)
    {
        double n = x.Count, m = Mean(x), s2 = 0, s4 = 0;
        foreach (var v in x)
        {
            var d = (v - m) * (v - m);
            s2 += d;
            s4 += d * d;
        }

        var r = n * s4 / (s2 * s2);
        return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3));
    }

    /// <summary>Quantile with linear interpolation between order statistics (R's default, type 7).</summary>
    public static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        return lo + 1 >= sorted.Length ? sorted[^1] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
