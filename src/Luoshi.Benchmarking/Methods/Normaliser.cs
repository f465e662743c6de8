namespace Luoshi.Benchmarking;

/// <summary>
/// Normalisation of one indicator column (handbook step 5). Every method honours the direction, so a
/// higher normalised value is always better. Missing stays missing.
/// </summary>
internal static class Normaliser
{
    public static double[] Apply(double[] x, int direction, Normalisation spec, int referenceUnit, double? standard) => spec.Method switch
    {
        NormalisationMethod.MinMax => MinMax(x, direction, spec.Low, spec.High),
        NormalisationMethod.ZScore => ZScore(x, direction, spec.Low, spec.High),
        NormalisationMethod.Rank => Rank(x, direction),
        NormalisationMethod.DistanceToReference => Ratio(x, direction, x[referenceUnit], cap: false),
        NormalisationMethod.RatioToStandard => Ratio(x, direction, standard ?? double.NaN, cap: true),
        _ => throw new ArgumentOutOfRangeException(nameof(spec)),
    };

    /// <summary>l + (d·x − min d·x)/(max d·x − min d·x)·(u − l): a −1 indicator becomes (max − x)/(max − min).</summary>
    public static double[] MinMax(double[] x, int direction, double low, double high)
    {
        var present = Statistics.Present(x.Select(v => direction * v));
        double min = present.Min(), max = present.Max();
        return [.. x.Select(v => low + ((direction * v) - min) / (max - min) * (high - low))];
    }

    /// <summary>(d·x − mean)/sd, rescaled to the requested mean and standard deviation (sample sd, n − 1).</summary>
    public static double[] ZScore(double[] x, int direction, double mean, double sd)
    {
        var present = Statistics.Present(x.Select(v => direction * v));
        double m = Statistics.Mean(present), s = Statistics.StandardDeviation(present);
        return [.. x.Select(v => mean + ((direction * v) - m) / s * sd)];
    }

    /// <summary>Ascending rank of d·x, ties averaged (R's rank(ties = "average")): n is best, 1 is worst.</summary>
    public static double[] Rank(double[] x, int direction)
    {
        return [.. x.Select(v => double.IsNaN(v) ? double.NaN : AverageRank(direction * v))];

        double AverageRank(double v)
        {
            int below = 0, equal = 0;
            foreach (var w in x.Where(w => !double.IsNaN(w)).Select(w => direction * w))
            {
                below += w < v ? 1 : 0;
                equal += w == v ? 1 : 0;
            }

            return below + ((equal + 1) / 2.0);
        }
    }

    /// <summary>
    /// 100·x/ref (direction +1) or 100·ref/x (direction −1): 100 means "equal to the reference". Capped at
    /// 100 for the official monitoring's ratio to a standard value (达标 = 100, no credit above it).
    /// </summary>
    public static double[] Ratio(double[] x, int direction, double reference, bool cap)
    {
        return [.. x.Select(v =>
        {
            var r = direction > 0 ? 100 * v / reference : 100 * reference / v;
            return !double.IsFinite(r) ? double.NaN : cap ? Math.Min(100, r) : r;
        })];
    }
}
