namespace Luoshi.Benchmarking;

/// <summary>
/// The values a target may take for one indicator. A target nobody could meet or believe is worse than
/// none: a count or a rate is never negative, a percentage never passes 100, and unless the user widens
/// the range a target stays within what some peer has already reached.
/// </summary>
internal readonly record struct TargetBounds(double Low, double High)
{
    public double Clamp(double value) => Math.Min(High, Math.Max(Low, value));

    public static TargetBounds For(FrameworkNode indicator, IReadOnlyList<double> observed, bool beyondObserved)
    {
        var (min, max) = (observed.Min(), observed.Max());
        // No peer reports a negative value: the quantity cannot be negative (counts, rates, amounts).
        var low = min >= 0 ? 0 : double.NegativeInfinity;
        var high = IsPercent(indicator.Unit) && max <= 100 ? 100 : double.PositiveInfinity;
        return beyondObserved ? new(low, high) : new(Math.Max(low, min), Math.Min(high, max));
    }

    private static bool IsPercent(string unit) =>
        unit.Trim() is "%" or "％" or "百分比" or "百分点";
}
