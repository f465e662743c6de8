using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Luoshi.Benchmarking;

/// <summary>A sheet as text: what both CSV and Excel files become before their meaning is read.</summary>
internal sealed record TextTable(IReadOnlyList<string> Headers, IReadOnlyList<string[]> Rows)
{
    public int Column(params string[] names)
    {
        for (var i = 0; i < Headers.Count; i++)
        {
            if (names.Any(n => string.Equals(Headers[i], n, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        return -1;
    }

    public static TextTable Load(Stream stream, string fileName)
    {
        if (Path.GetExtension(fileName).ToLowerInvariant() is ".xlsx" or ".xlsm")
        {
            return FromExcel(stream);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Csv.Parse(reader.ReadToEnd());
    }

    private static TextTable FromExcel(Stream stream)
    {
        var rows = MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        if (rows.Count == 0)
        {
            return new([], []);
        }

        var headers = rows[0].Keys.ToList();
        return new(headers, [.. rows.Select(r => headers.Select(h => Text(r[h])).ToArray())]);
    }

    // Excel numbers come back as doubles: keep every digit so that an Excel import equals the CSV one.
    private static string Text(object? cell) => cell switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
