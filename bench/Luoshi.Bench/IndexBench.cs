using System.Diagnostics;
using System.Globalization;
using Luoshi.Benchmarking;

namespace Luoshi.Bench;

/// <summary>
/// The composite index at the size the benchmarking issue names: 300 units × 60 indicators (6
/// dimensions of 10), random data with some gaps. Times one computation, a what-if (one value
/// changed, everything recomputed) and a Monte Carlo of 10,000 replications over weights (±25 %),
/// two normalisations and two aggregations.
/// </summary>
internal static class IndexBench
{
    public static void Run(int units, int indicators, int replications)
    {
        var random = new Random(7);
        var nodes = new List<FrameworkNode> { new("Index", null, 1, false) };
        var dimensions = Math.Max(1, indicators / 10);
        for (var d = 0; d < dimensions; d++)
        {
            nodes.Add(new($"D{d}", "Index", 1, false));
        }

        var codes = Enumerable.Range(0, indicators).Select(i => $"I{i:D2}").ToArray();
        nodes.AddRange(codes.Select((c, i) => new FrameworkNode(c, $"D{i % dimensions}", 1 + random.Next(3), true, Direction: i % 5 == 0 ? -1 : 1)));
        var framework = Framework.Build(nodes).Framework!;
        var unitInfos = Enumerable.Range(0, units).Select(u => new UnitInfo($"U{u:D3}", $"城市{u}", new Dictionary<string, string>())).ToList();
        var values = Enumerable.Range(0, units).Select(_ => codes.Select(_ => random.NextDouble() < 0.02 ? double.NaN : 1 + (random.NextDouble() * 100)).ToArray()).ToArray();
        var data = new DataSet(unitInfos, codes, new Dictionary<int, double[][]> { [2026] = values });
        var options = new IndexOptions();

        var compute = Time(20, () => CompositeIndex.Compute(framework, data, options));
        var whatIf = Time(20, () => WhatIf.Run(framework, data, options, [new ValueChange("U042", "I07", 88.8)]));
        var settings = new UncertaintyOptions(replications, 11, 0.25, [Normalisation.MinMax(1, 100), Normalisation.Rank], [AggregationMethod.ArithmeticMean, AggregationMethod.GeometricMean]);
        var monteCarlo = Time(3, () => Uncertainty.Run(framework, data, options, settings));

        Console.WriteLine($"| step ({units} units × {indicators} indicators) | median ms |");
        Console.WriteLine("| --- | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| compute index and ranks | {compute:F1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| what-if: change one value, recompute | {whatIf:F1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Monte Carlo, {replications:N0} replications | {monteCarlo:F0} |"));
    }

    private static double Time(int runs, Action action)
    {
        action();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times.Order().ElementAt(times.Count / 2);
    }
}
