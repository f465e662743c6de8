using System.Globalization;

namespace Luoshi.Benchmarking;

/// <summary>One row per unit (and year), one column per indicator: the COINr iData layout.</summary>
internal static class WideForm
{
    public static void Read(TextTable table, Framework framework, DataSheet sheet, List<ImportError> errors)
    {
        var unit = table.Column(DataImport.UnitHeaders);
        var name = table.Column(DataImport.NameHeaders);
        var year = table.Column(DataImport.YearHeaders);
        foreach (var indicator in framework.Indicators.Where(i => table.Column(i.Code) < 0))
        {
            errors.Add(new(1, indicator.Code, $"缺少指标“{indicator.Code}”的数据列。"));
        }

        var numeric = new List<(int Column, int Variable)>();
        var attributes = new List<int>();
        for (var c = 0; c < table.Headers.Count; c++)
        {
            if (c == unit || c == name || c == year)
            {
                continue;
            }

            if (sheet.IsVariable(table.Headers[c]))
            {
                numeric.Add((c, sheet.VariableIndex(table.Headers[c])));
            }
            else
            {
                attributes.Add(c);
            }
        }

        var seen = new Dictionary<(string, int), int>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var fileRow = r + 2;
            var code = Cells.At(row, unit);
            if (code.Length == 0)
            {
                errors.Add(new(fileRow, table.Headers[unit], "单位代码为空。"));
                continue;
            }

            var y = DataSet.NoYear;
            if (year >= 0 && !int.TryParse(Cells.At(row, year), NumberStyles.Integer, CultureInfo.InvariantCulture, out y))
            {
                errors.Add(new(fileRow, table.Headers[year], $"年份“{Cells.At(row, year)}”不是整数。"));
                continue;
            }

            if (!seen.TryAdd((code, y), fileRow))
            {
                errors.Add(new(fileRow, table.Headers[unit], $"单位“{code}”{YearText(y)}的数据重复（另见第{seen[(code, y)]}行）。"));
                continue;
            }

            var attrs = attributes.ToDictionary(c => table.Headers[c], c => Cells.At(row, c), StringComparer.Ordinal);
            var values = sheet.Row(sheet.Unit(code, Cells.At(row, name), attrs, fileRow), y);
            foreach (var (c, v) in numeric)
            {
                if (Cells.TryNumber(Cells.At(row, c), out var x))
                {
                    values[v] = x;
                }
                else
                {
                    errors.Add(new(fileRow, table.Headers[c], $"“{Cells.At(row, c)}”不是数字。"));
                }
            }
        }
    }

    internal static string YearText(int year) => year == DataSet.NoYear ? "" : $"{year}年";
}
