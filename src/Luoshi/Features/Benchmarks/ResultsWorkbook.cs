using Luoshi.Benchmarking;
using MiniExcelLibs;

namespace Luoshi.Features.Benchmarks;

/// <summary>The results as offices file them: a sheet of ranks and scores, and a sheet of the city's gaps.</summary>
internal static class ResultsWorkbook
{
    public static byte[] Write(LoadedScoreboard board, IndexResult result)
    {
        var aggregates = board.Framework.Aggregates;
        var ranks = result.Table().Select(row =>
        {
            var cells = new Dictionary<string, object?> { ["名次"] = row.Rank, ["代码"] = row.Unit, ["单位"] = board.UnitName(row.Unit) };
            for (var a = 0; a < aggregates.Count; a++)
            {
                cells[board.NodeName(aggregates[a].Code)] = double.IsNaN(row.Scores[a]) ? null : Math.Round(row.Scores[a], 4);
            }

            return cells;
        }).ToList();
        var gaps = GapAnalysis.Compute(result, board.Board.OwnCode, board.Board.BenchmarkCode).Select(g => new Dictionary<string, object?>
        {
            ["指标"] = board.NodeName(g.Indicator),
            ["单位"] = board.Nodes.First(n => n.Code == g.Indicator).MeasureUnit,
            ["本市"] = Number(g.Value),
            ["标杆"] = Number(g.BenchmarkValue),
            ["与标杆差距"] = Number(g.GapToBenchmark),
            ["与标杆差距（指数分）"] = Number(g.PointsToBenchmark),
            ["领先者"] = board.UnitName(g.Leader),
            ["领先值"] = Number(g.LeaderValue),
            ["阶段"] = DetailModel.StageText(g.Stage),
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["排名"] = ranks, ["差距"] = gaps });
        return stream.ToArray();
    }

    private static double? Number(double value) => double.IsFinite(value) ? Math.Round(value, 6) : null;
}
