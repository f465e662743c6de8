namespace Luoshi.Benchmarking;

/// <summary>
/// Checks that need the whole sheet: a unit with no indicator value in a year (it could not be scored)
/// and an indicator with the same value for every unit (min–max and z-score divide by its spread).
/// </summary>
internal static class DataChecks
{
    public static void Check(DataSheet sheet, Framework framework, List<ImportError> errors)
    {
        var indicators = framework.Indicators.Select(i => sheet.VariableIndex(i.Code)).ToArray();
        foreach (var (year, slice) in sheet.Years)
        {
            for (var u = 0; u < slice.Count; u++)
            {
                if (indicators.All(v => double.IsNaN(slice[u][v])))
                {
                    var code = sheet.Units[u].Code;
                    errors.Add(new(sheet.FirstRow[code], "uCode", $"单位“{code}”{WideForm.YearText(year)}没有任何指标数据。"));
                }
            }

            foreach (var v in indicators)
            {
                var values = slice.Select(r => r[v]).Where(x => !double.IsNaN(x)).ToList();
                if (values.Count > 1 && values.All(x => x == values[0]))
                {
                    errors.Add(new(1, sheet.Variables[v], $"指标“{sheet.Variables[v]}”{WideForm.YearText(year)}所有单位取值相同（{values[0]}），无法比较。"));
                }
            }
        }
    }
}
