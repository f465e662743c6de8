using System.Globalization;

namespace Luoshi.Benchmarking;

public enum NormalisationMethod
{
    MinMax,
    ZScore,
    Rank,
    DistanceToReference,
    RatioToStandard,
}

/// <summary>
/// A normalisation choice. Low/High are the min–max bounds (or, for z-score, the mean and standard
/// deviation of the result); ReferenceUnit is the benchmark unit for distance to a reference.
/// </summary>
public sealed record Normalisation(NormalisationMethod Method, double Low = 0, double High = 100, string? ReferenceUnit = null)
{
    public static Normalisation MinMax(double low = 0, double high = 100) => new(NormalisationMethod.MinMax, low, high);

    public static Normalisation ZScore(double mean = 0, double sd = 1) => new(NormalisationMethod.ZScore, mean, sd);

    public static Normalisation Rank { get; } = new(NormalisationMethod.Rank);

    public static Normalisation Reference(string unit) => new(NormalisationMethod.DistanceToReference, ReferenceUnit: unit);

    public static Normalisation Target { get; } = new(NormalisationMethod.RatioToStandard);

    /// <summary>Parses the CLI spelling: minmax:L:U | zscore | rank | ref:UNIT | target; null when not understood.</summary>
    public static Normalisation? Parse(string text)
    {
        var parts = text.Split(':');
        return parts[0].ToLowerInvariant() switch
        {
            "minmax" when parts.Length == 1 => MinMax(),
            "minmax" when parts.Length == 3 && Number(parts[1]) is { } l && Number(parts[2]) is { } u && u > l => MinMax(l, u),
            "zscore" when parts.Length == 1 => ZScore(),
            "rank" when parts.Length == 1 => Rank,
            "ref" when parts.Length == 2 && parts[1].Length > 0 => Reference(parts[1]),
            "target" when parts.Length == 1 => Target,
            _ => null,
        };
    }

    private static double? Number(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
}
