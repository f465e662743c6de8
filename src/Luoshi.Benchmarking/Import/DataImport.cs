namespace Luoshi.Benchmarking;

/// <summary>
/// Reads indicator data for a framework, wide (COINr: uCode + one column per indicator, optional Time) or
/// long (unit, indicator, year, value). Columns that are neither indicators nor denominators are kept as
/// text attributes (groups such as EurAsia_group). Any error fails the whole import.
/// </summary>
public static class DataImport
{
    internal static readonly string[] UnitHeaders = ["uCode", "UnitCode", "unit", "单位", "单位代码", "地区"];
    internal static readonly string[] NameHeaders = ["uName", "UnitName", "name", "名称", "单位名称"];
    internal static readonly string[] YearHeaders = ["Time", "Year", "年份", "年度"];
    internal static readonly string[] IndicatorHeaders = ["indicator", "iCode", "指标", "指标代码"];
    internal static readonly string[] ValueHeaders = ["value", "数值", "值"];

    public static ImportResult<DataSet> Read(string path, Framework framework)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path, framework);
    }

    public static ImportResult<DataSet> Read(Stream stream, string fileName, Framework framework)
    {
        var (table, tooLarge) = TextTable.Load(stream, fileName);
        return table is null ? ImportResult<DataSet>.Fail([tooLarge!]) : Read(table, framework);
    }

    internal static ImportResult<DataSet> Read(TextTable table, Framework framework)
    {
        if (table.Column(UnitHeaders) < 0)
        {
            return ImportResult<DataSet>.Fail([new(1, "uCode", "缺少单位列（uCode/单位）。")]);
        }

        var variables = framework.Indicators.Select(i => i.Code)
            .Concat(framework.Indicators.Select(i => i.Denominator).OfType<string>().Distinct(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        var sheet = new DataSheet(variables);
        var errors = new List<ImportError>();
        if (table.Column(IndicatorHeaders) >= 0 && table.Column(ValueHeaders) >= 0)
        {
            LongForm.Read(table, sheet, errors);
        }
        else
        {
            WideForm.Read(table, framework, sheet, errors);
        }

        if (errors.Count == 0)
        {
            DataChecks.Check(sheet, framework, errors);
        }

        return errors.Count > 0 ? ImportResult<DataSet>.Fail(errors) : new(sheet.ToDataSet(), []);
    }
}
