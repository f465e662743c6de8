namespace Luoshi.Benchmarking;

/// <summary>Denomination (handbook step 3: "scale by size"): value ÷ denominator, missing when the denominator is missing or 0.</summary>
internal static class Denomination
{
    public static double[] Apply(double[] values, double[] denominator)
    {
        var result = new double[values.Length];
        for (var u = 0; u < values.Length; u++)
        {
            result[u] = denominator[u] == 0 ? double.NaN : values[u] / denominator[u];
        }

        return result;
    }
}
