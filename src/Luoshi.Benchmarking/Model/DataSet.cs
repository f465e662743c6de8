namespace Luoshi.Benchmarking;

/// <summary>
/// Units × variables (indicators and denominators) × years, NaN = missing. Data without a year sits in
/// year <see cref="NoYear"/>. Immutable: what-if changes return a copy.
/// </summary>
public sealed class DataSet
{
    public const int NoYear = 0;

    private readonly SortedDictionary<int, double[][]> _years;
    private readonly Dictionary<string, int> _unitIndex;
    private readonly Dictionary<string, int> _variableIndex;

    public DataSet(IReadOnlyList<UnitInfo> units, IReadOnlyList<string> variables, IDictionary<int, double[][]> years)
    {
        Units = units;
        Variables = variables;
        _years = new SortedDictionary<int, double[][]>(years);
        _unitIndex = units.Select((u, i) => (u.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        _variableIndex = variables.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
        foreach (var slice in _years.Values)
        {
            if (slice.Length != units.Count || slice.Any(r => r.Length != variables.Count))
            {
                throw new ArgumentException("每年的数据须为 单位数 × 变量数。", nameof(years));
            }
        }
    }

    public IReadOnlyList<UnitInfo> Units { get; }

    public IReadOnlyList<string> Variables { get; }

    public IReadOnlyList<int> Years => [.. _years.Keys];

    public int LatestYear => _years.Count == 0 ? NoYear : _years.Keys.Max();

    public int UnitIndex(string unit) =>
        _unitIndex.TryGetValue(unit, out var i) ? i : throw new KeyNotFoundException($"数据中没有单位“{unit}”。");

    public bool HasVariable(string variable) => _variableIndex.ContainsKey(variable);

    public bool HasYear(int year) => _years.ContainsKey(year);

    public double Value(string unit, string variable, int year) =>
        _years.TryGetValue(year, out var slice) && _variableIndex.TryGetValue(variable, out var v) ? slice[UnitIndex(unit)][v] : double.NaN;

    /// <summary>The column of one variable in one year, by unit; all NaN if the variable or year is absent.</summary>
    internal double[] Column(string variable, int year)
    {
        var column = new double[Units.Count];
        if (_years.TryGetValue(year, out var slice) && _variableIndex.TryGetValue(variable, out var v))
        {
            for (var u = 0; u < column.Length; u++)
            {
                column[u] = slice[u][v];
            }
        }
        else
        {
            Array.Fill(column, double.NaN);
        }

        return column;
    }

    /// <summary>A copy with some values replaced: the basis of what-if analysis.</summary>
    public DataSet With(IEnumerable<ValueChange> changes, int year)
    {
        var copy = _years.ToDictionary(p => p.Key, p => p.Value);
        var slice = _years.TryGetValue(year, out var s) ? s : throw new ArgumentException($"数据中没有{year}年。", nameof(year));
        var changed = slice.Select(r => (double[])r.Clone()).ToArray();
        foreach (var c in changes)
        {
            changed[UnitIndex(c.Unit)][_variableIndex.TryGetValue(c.Indicator, out var v) ? v : throw new KeyNotFoundException($"数据中没有指标“{c.Indicator}”。")] = c.Value;
        }

        copy[year] = changed;
        return new DataSet(Units, Variables, copy);
    }
}

/// <summary>A hypothetical new value of one indicator for one unit.</summary>
public sealed record ValueChange(string Unit, string Indicator, double Value);
