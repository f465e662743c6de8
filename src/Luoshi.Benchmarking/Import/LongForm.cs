using System.Globalization;

namespace Luoshi.Benchmarking;

/// <summary>One row per value: unit, indicator, optional year, value — how values are entered one by one.</summary>
internal static class LongForm
{
    public static void Read(TextTable table, DataSheet sheet, List<ImportError> errors)
    {
        var unit = table.Column(DataImport.UnitHeaders);
        var name = table.Column(DataImport.NameHeaders);
        var year = table.Column(DataImport.YearHeaders);
        var indicator = table.Column(DataImport.IndicatorHeaders);
        var value = table.Column(DataImport.ValueHeaders);
        var seen = new Dictionary<(string, string, int), int>();
        var none = new Dictionary<string, string>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var fileRow = r + 2;
            var code = Cells.At(row, unit);
            var ind = Cells.At(row, indicator);
            var y = DataSet.NoYear;
            if (code.Length == 0)
            {
                errors.Add(new(fileRow, table.Headers[unit], "单位代码为空。"));
            }
            else if (!sheet.IsVariable(ind))
            {
                errors.Add(new(fileRow, table.Headers[indicator], $"框架中没有指标“{ind}”。"));
            }
            else if (year >= 0 && !int.TryParse(Cells.At(row, year), NumberStyles.Integer, CultureInfo.InvariantCulture, out y))
            {
                errors.Add(new(fileRow, table.Headers[year], $"年份“{Cells.At(row, year)}”不是整数。"));
            }
            else if (!Cells.TryNumber(Cells.At(row, value), out var x))
            {
                errors.Add(new(fileRow, table.Headers[value], $"“{Cells.At(row, value)}”不是数字。"));
            }
            else if (!seen.TryAdd((code, ind, y), fileRow))
            {
                errors.Add(new(fileRow, table.Headers[indicator], $"单位“{code}”{WideForm.YearText(y)}指标“{ind}”重复（另见第{seen[(code, ind, y)]}行）。"));
            }
            else
            {
                sheet.Row(sheet.Unit(code, Cells.At(row, name), none, fileRow), y)[sheet.VariableIndex(ind)] = x;
            }
        }
    }
}
