namespace Luoshi.Benchmarking;

/// <summary>Outlier treatment settings; the defaults are COINr's (and the JRC's usual thresholds).</summary>
public sealed record TreatmentOptions(int MaxWinsorised = 5, double SkewThreshold = 2, double KurtosisThreshold = 3.5);

/// <summary>What treatment did to one indicator.</summary>
public sealed record TreatmentReport(string Indicator, int Winsorised, bool LogTransformed);

/// <summary>
/// The JRC two-step treatment as COINr's Treat() does it: an indicator fails when |skewness| ≥ 2 and
/// kurtosis ≥ 3.5; a failing one is winsorised point by point; if it still fails, the winsorising is
/// dropped and log(x − min + 0.01·(max − min)) is applied to the original values instead.
/// </summary>
internal static class OutlierTreatment
{
    public static (double[] Values, int Winsorised, bool Logged) Treat(double[] x, TreatmentOptions o)
    {
        if (Statistics.Present(x).Length < 4 || Passes(x, o))
        {
            return (x, 0, false);
        }

        var (win, n) = Winsorise(x, o);
        return Passes(win, o) ? (win, n, false) : (LogCt(x), 0, true);
    }

    /// <summary>COINr check_SkewKurt: passes when |skew| &lt; threshold OR kurtosis &lt; threshold.</summary>
    internal static bool Passes(double[] x, TreatmentOptions o)
    {
        var present = Statistics.Present(x);
        return Math.Abs(Statistics.Skewness(present)) < o.SkewThreshold || Statistics.Kurtosis(present) < o.KurtosisThreshold;
    }

    /// <summary>
    /// Replaces the highest (positive skew) or lowest (negative skew) value(s) by the next one until the
    /// column passes. The count, like COINr's, is the size of the last tied group at each end, which for
    /// repeated one-sided steps equals the number of points changed.
    /// </summary>
    internal static (double[] Values, int Count) Winsorise(double[] original, TreatmentOptions o)
    {
        var x = (double[])original.Clone();
        int high = 0, low = 0;
        while (!Passes(x, o) && high + low < o.MaxWinsorised)
        {
            var present = Statistics.Present(x);
            var positive = Statistics.Skewness(present) >= 0;
            var extreme = positive ? present.Max() : present.Min();
            var others = present.Where(v => v != extreme).ToArray();
            if (others.Length == 0)
            {
                break;
            }

            var next = positive ? others.Max() : others.Min();
            var tied = 0;
            for (var u = 0; u < x.Length; u++)
            {
                if (x[u] == extreme)
                {
                    x[u] = next;
                    tied++;
                }
            }

            if (positive)
            {
                high = tied;
            }
            else
            {
                low = tied;
            }
        }

        return (x, high + low);
    }

    /// <summary>COINr log_CT: log(x − min + 0.01·(max − min)), which keeps the order and avoids log(0).</summary>
    internal static double[] LogCt(double[] x)
    {
        var present = Statistics.Present(x);
        double min = present.Min(), max = present.Max();
        return [.. x.Select(v => Math.Log(v - min + (0.01 * (max - min))))];
    }
}
