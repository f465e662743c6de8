namespace Luoshi.Benchmarking;

/// <summary>
/// Reads a framework from a metadata sheet: the COINr layout (iCode, Level, Parent, Direction, Weight, Type)
/// or the project's own headers in Chinese. Rows whose Type is neither Indicator nor Aggregate (COINr's
/// Group, Denominator…) are skipped; without a Type column a node is an indicator when nothing names it as parent.
/// </summary>
public static class FrameworkImport
{
    public static ImportResult<Framework> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    public static ImportResult<Framework> Read(Stream stream, string fileName)
    {
        var (table, tooLarge) = TextTable.Load(stream, fileName);
        return table is null ? ImportResult<Framework>.Fail([tooLarge!]) : Read(table);
    }

    internal static ImportResult<Framework> Read(TextTable table)
    {
        var code = table.Column("iCode", "code", "代码", "指标代码");
        var parent = table.Column("Parent", "上级", "上级代码");
        var weight = table.Column("Weight", "权重");
        if (code < 0 || parent < 0 || weight < 0)
        {
            return ImportResult<Framework>.Fail([new(1, code < 0 ? "iCode" : parent < 0 ? "Parent" : "Weight", "缺少必需的列（iCode/代码、Parent/上级、Weight/权重）。")]);
        }

        var name = table.Column("iName", "name", "名称", "指标名称");
        var type = table.Column("Type", "类型");
        var direction = table.Column("Direction", "方向");
        var unit = table.Column("Unit", "计量单位");
        var denominator = table.Column("Denominator", "分母");
        var standard = table.Column("StandardValue", "Standard", "标准值", "Target");
        var parents = table.Rows.Select(r => Cells.At(r, parent)).ToHashSet(StringComparer.Ordinal);

        var errors = new List<ImportError>();
        var nodes = new List<FrameworkNode>();
        var rows = new List<int>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var fileRow = r + 2;
            var c = Cells.At(row, code);
            var kind = type < 0 ? (parents.Contains(c) ? "Aggregate" : "Indicator") : Cells.At(row, type);
            var isIndicator = kind is "Indicator" or "指标";
            if (!isIndicator && kind is not ("Aggregate" or "汇总" or "汇总项"))
            {
                continue;
            }

            var w = Number(row, weight, table.Headers, fileRow, errors, required: true);
            var d = direction < 0 || Cells.IsMissing(Cells.At(row, direction)) ? 1 : Number(row, direction, table.Headers, fileRow, errors, required: true);
            var s = standard < 0 ? double.NaN : Number(row, standard, table.Headers, fileRow, errors, required: false);
            var den = Cells.At(row, denominator);
            nodes.Add(new FrameworkNode(c, Cells.IsMissing(Cells.At(row, parent)) ? null : Cells.At(row, parent), w, isIndicator,
                Cells.At(row, name), isIndicator ? (int)d : 1, Cells.At(row, unit),
                isIndicator && !Cells.IsMissing(den) ? den : null, isIndicator && double.IsFinite(s) ? s : null));
            rows.Add(fileRow);
        }

        if (errors.Count > 0)
        {
            return ImportResult<Framework>.Fail(errors);
        }

        var built = FrameworkBuilder.Build(nodes, rows);
        return built.Framework is null ? ImportResult<Framework>.Fail(built.Errors) : new(built.Framework, []);
    }

    private static double Number(string[] row, int column, IReadOnlyList<string> headers, int fileRow, List<ImportError> errors, bool required)
    {
        var cell = Cells.At(row, column);
        if (!Cells.TryNumber(cell, out var value))
        {
            errors.Add(new(fileRow, headers[column], $"“{cell}”不是数字。"));
        }
        else if (required && double.IsNaN(value))
        {
            errors.Add(new(fileRow, headers[column], "不能为空。"));
        }

        return value;
    }
}
