using System.Globalization;
using MiniExcelLibs;

namespace Luoshi.Benchmarking;

/// <summary>Writes results in the COINr layout: uCode, Rank, one column per aggregate (root first), full precision.</summary>
internal static class ResultWriter
{
    public static void Csv(IndexResult result, TextWriter writer)
    {
        writer.WriteLine(string.Join(",", Headers(result).Select(Benchmarking.Csv.Quote)));
        foreach (var row in result.Table())
        {
            var cells = new[] { Benchmarking.Csv.Quote(row.Unit), row.Rank?.ToString(CultureInfo.InvariantCulture) ?? "NA" }
                .Concat(row.Scores.Select(s => double.IsNaN(s) ? "NA" : s.ToString("R", CultureInfo.InvariantCulture)));
            writer.WriteLine(string.Join(",", cells));
        }
    }

    public static void Excel(IndexResult result, string path)
    {
        var headers = Headers(result);
        var rows = result.Table().Select(row =>
        {
            var cells = new Dictionary<string, object?> { [headers[0]] = row.Unit, [headers[1]] = row.Rank };
            for (var a = 0; a < row.Scores.Count; a++)
            {
                cells[headers[a + 2]] = double.IsNaN(row.Scores[a]) ? null : row.Scores[a];
            }

            return cells;
        }).ToList();
        MiniExcel.SaveAs(path, rows, overwriteFile: true);
    }

    /// <summary>A table for people: two decimals, aligned columns.</summary>
    public static void Table(IndexResult result, TextWriter writer)
    {
        var headers = Headers(result);
        var lines = result.Table().Select(r => new[] { r.Unit, r.Rank?.ToString(CultureInfo.InvariantCulture) ?? "-" }
            .Concat(r.Scores.Select(s => double.IsNaN(s) ? "-" : s.ToString("F2", CultureInfo.InvariantCulture))).ToArray()).ToList();
        var widths = headers.Select((h, c) => lines.Select(l => l[c].Length).Append(h.Length).Max()).ToArray();
        writer.WriteLine(string.Join("  ", headers.Select((h, c) => c == 0 ? h.PadRight(widths[c]) : h.PadLeft(widths[c]))));
        foreach (var line in lines)
        {
            writer.WriteLine(string.Join("  ", line.Select((v, c) => c == 0 ? v.PadRight(widths[c]) : v.PadLeft(widths[c]))));
        }
    }

    private static List<string> Headers(IndexResult result) => ["uCode", "Rank", .. result.Framework.Aggregates.Select(a => a.Code)];
}
