using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Luoshi.Benchmarking;

/// <summary>A sheet as text: what both CSV and Excel files become before their meaning is read.</summary>
internal sealed record TextTable(IReadOnlyList<string> Headers, IReadOnlyList<string[]> Rows)
{
    /// <summary>
    /// Rows one file may hold. A framework has a few hundred indicators and a data file a few thousand
    /// units × years (long form: × indicators); a million-row sheet is a mistake or an attack, and
    /// reading it whole would hold the server for minutes. Past the bound the file is refused while
    /// it is read, before its rows are kept.
    /// </summary>
    public const int MaxRows = 200_000;

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

    /// <summary>The table, or null with the reason when the file is past <see cref="MaxRows"/>.</summary>
    public static (TextTable? Table, ImportError? TooLarge) Load(Stream stream, string fileName)
    {
        if (Path.GetExtension(fileName).ToLowerInvariant() is ".xlsx" or ".xlsm")
        {
            return FromExcel(stream);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var table = Csv.Parse(reader.ReadToEnd());
        return table.Rows.Count > MaxRows ? (null, TooLarge()) : (table, null);
    }

    private static ImportError TooLarge() => new(MaxRows + 2, "", $"文件超过 {MaxRows:N0} 行，不是指标体系或对标数据应有的规模；请检查后拆分再导入。");

    private static (TextTable?, ImportError?) FromExcel(Stream stream)
    {
        // Read lazily and stop at the bound: MiniExcel streams the sheet.
        var rows = MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Take(MaxRows + 1).ToList();
        if (rows.Count > MaxRows)
        {
            return (null, TooLarge());
        }

        if (rows.Count == 0)
        {
            return (new([], []), null);
        }

        var headers = rows[0].Keys.ToList();
        return (new(headers, [.. rows.Select(r => headers.Select(h => Text(r[h])).ToArray())]), null);
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
