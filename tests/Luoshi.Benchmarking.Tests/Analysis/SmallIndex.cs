namespace Luoshi.Benchmarking.Tests.Analysis;

/// <summary>
/// Five cities, two pillars, four indicators (one lower-is-better), two years: small enough to check by hand.
/// </summary>
internal static class SmallIndex
{
    public static Framework Framework { get; } = Benchmarking.Framework.Build([
        new("Index", null, 1, false),
        new("Innovation", "Index", 2, false),
        new("Industry", "Index", 1, false),
        new("RD", "Innovation", 1, true, Unit: "%"),
        new("Patents", "Innovation", 1, true, Unit: "件/万人"),
        new("HighTech", "Industry", 1, true, Unit: "%"),
        new("Energy", "Industry", 1, true, Direction: -1, Unit: "吨标煤/万元"),
    ]).Framework!;

    public static readonly string[] Cities = ["本市", "甲市", "乙市", "丙市", "丁市"];

    public static DataSet Data { get; } = new(
        [.. Cities.Select(c => new UnitInfo(c))],
        ["RD", "Patents", "HighTech", "Energy"],
        new Dictionary<int, double[][]>
        {
            [2023] = [[1.8, 10, 20, 0.6], [2.9, 30, 40, 0.4], [2.0, 12, 25, 0.5], [3.5, 50, 45, 0.3], [1.0, 5, 10, 0.9]],
            [2024] = [[2.0, 12, 22, 0.55], [3.0, 32, 42, 0.40], [2.95, 30, 45, 0.38], [3.6, 55, 48, 0.35], [1.2, 6, 12, 0.80]],
        });

    public static IndexOptions Options { get; } = new();
}
