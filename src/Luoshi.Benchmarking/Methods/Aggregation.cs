namespace Luoshi.Benchmarking;

public enum AggregationMethod
{
    /// <summary>Σ wᵢxᵢ / Σ wᵢ over the present children.</summary>
    ArithmeticMean,

    /// <summary>exp(Σ wᵢ ln xᵢ / Σ wᵢ) over the present children; every value must be &gt; 0.</summary>
    GeometricMean,
}

/// <summary>
/// Aggregation level by level (handbook step 6). Missing children are dropped and the remaining weights
/// rescaled (COINr's na.rm behaviour); with a minimum share, an aggregate whose share of present
/// children is below it is missing (COINr's dat_thresh).
/// </summary>
internal static class Aggregator
{
    /// <summary>Scores [aggregate][unit] (aggregates in framework order) from normalised columns [indicator][unit].</summary>
    public static double[][] Scores(double[][] normalised, Framework framework, double[] weights, AggregationMethod method, double minShare)
    {
        var m = framework.IndicatorCount;
        var units = normalised.Length == 0 ? 0 : normalised[0].Length;
        var scores = framework.Aggregates.Select(_ => new double[units]).ToArray();
        var values = new double[m + framework.Aggregates.Count];
        for (var u = 0; u < units; u++)
        {
            for (var i = 0; i < m; i++)
            {
                values[i] = normalised[i][u];
            }

            foreach (var a in framework.AggregationOrder)
            {
                values[m + a] = Combine(values, framework.Children[a], weights, method, minShare);
                scores[a][u] = values[m + a];
            }
        }

        return scores;
    }

    public static double Combine(double[] values, int[] children, double[] weights, AggregationMethod method, double minShare)
    {
        double sum = 0, weight = 0;
        var present = 0;
        foreach (var c in children)
        {
            var x = values[c];
            if (double.IsNaN(x))
            {
                continue;
            }

            present++;
            weight += weights[c];
            sum += method == AggregationMethod.ArithmeticMean ? weights[c] * x : weights[c] * Math.Log(x);
        }

        if (present == 0 || weight == 0 || (double)present / children.Length < minShare)
        {
            return double.NaN;
        }

        return method == AggregationMethod.ArithmeticMean ? sum / weight : Math.Exp(sum / weight);
    }
}
