using System.Text.Json;
using Luoshi.Benchmarking;

namespace Luoshi.Features.Benchmarks;

/// <summary>ECharts options for the results page, built here so the page needs no script of its own.</summary>
internal static class Charts
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The city against the benchmark on each dimension (or each indicator when there are
    /// fewer than three dimensions), in normalised points.</summary>
    public static string Radar(LoadedScoreboard board, IndexResult result, Func<string, string> name)
    {
        var dimensions = board.Framework.Aggregates.Where(a => a.Code != board.Framework.Root).ToList();
        var axes = dimensions.Count >= 3 ? dimensions : [.. board.Framework.Indicators];
        double? Score(string unit, string code) => Round(axes == dimensions ? result.Score(unit, code) : result.Value(Stage.Normalised, unit, code));
        var own = board.Board.OwnCode;
        var benchmark = board.Board.BenchmarkCode;
        return Serialize(new
        {
            color = new[] { "#b3261e", "#3b6fb6" },
            legend = new { bottom = 0, data = new[] { name(own), name(benchmark) } },
            tooltip = new { },
            radar = new { indicator = axes.Select(a => new { name = Label(board, a.Code), max = 100 }), radius = "62%" },
            series = new[]
            {
                new
                {
                    type = "radar",
                    data = new[]
                    {
                        new { name = name(own), value = axes.Select(a => Score(own, a.Code)) },
                        new { name = name(benchmark), value = axes.Select(a => Score(benchmark, a.Code)) },
                    },
                },
            },
        });
    }

    /// <summary>The city's and the benchmark's rank on the index and on every aggregate below it.</summary>
    public static string Ranks(LoadedScoreboard board, IndexResult result, Func<string, string> name)
    {
        var aggregates = board.Framework.Aggregates;
        var own = board.Board.OwnCode;
        var benchmark = board.Board.BenchmarkCode;
        return Serialize(new
        {
            color = new[] { "#b3261e", "#3b6fb6" },
            legend = new { bottom = 0, data = new[] { name(own), name(benchmark) } },
            tooltip = new { trigger = "axis" },
            grid = new { left = 110, right = 20, top = 10, bottom = 40 },
            xAxis = new { type = "value", inverse = true, min = 1, name = "名次" },
            yAxis = new { type = "category", data = aggregates.Select(a => Label(board, a.Code)), inverse = true },
            series = new[] { own, benchmark }.Select(u => new { name = name(u), type = "bar", data = aggregates.Select(a => result.Rank(u, a.Code)) }),
        });
    }

    /// <summary>The index score over the years in the data, for the city, the benchmark and the leader.</summary>
    public static string? Years(LoadedScoreboard board, Func<string, string> name)
    {
        if (board.Data.Years.Count < 2)
        {
            return null;
        }

        var results = board.Data.Years.Select(y => CompositeIndex.Compute(board.Framework, board.Data, new IndexOptions { Year = y })).ToList();
        var latest = results[^1];
        var leader = latest.Table()[0].Unit;
        var units = new[] { board.Board.OwnCode, board.Board.BenchmarkCode, leader }.Distinct();
        return Serialize(new
        {
            color = new[] { "#b3261e", "#3b6fb6", "#1e8e3e" },
            legend = new { bottom = 0 },
            tooltip = new { trigger = "axis" },
            xAxis = new { type = "category", data = board.Data.Years },
            yAxis = new { type = "value", name = "综合得分" },
            series = units.Select(u => new { name = name(u), type = "line", data = results.Select(r => Round(r.IndexScore(u))) }),
        });
    }

    private static string Label(LoadedScoreboard board, string code) => board.NodeName(code);

    private static double? Round(double value) => double.IsFinite(value) ? Math.Round(value, 2) : null;

    private static string Serialize(object option) => JsonSerializer.Serialize(option, Json);
}
