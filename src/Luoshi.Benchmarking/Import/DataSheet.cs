namespace Luoshi.Benchmarking;

/// <summary>The mutable collector an import fills before it becomes an immutable <see cref="DataSet"/>.</summary>
internal sealed class DataSheet(IReadOnlyList<string> variables)
{
    private readonly Dictionary<string, int> _variable = variables.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
    private readonly List<UnitInfo> _units = [];
    private readonly Dictionary<string, int> _unit = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<double[]>> _years = [];

    public IReadOnlyList<string> Variables => variables;

    /// <summary>The first file row seen for each unit, to point errors about a unit at a row.</summary>
    public Dictionary<string, int> FirstRow { get; } = new(StringComparer.Ordinal);

    public bool IsVariable(string code) => _variable.ContainsKey(code);

    public int VariableIndex(string code) => _variable[code];

    public IReadOnlyList<UnitInfo> Units => _units;

    public IReadOnlyDictionary<int, List<double[]>> Years => _years;

    public int Unit(string code, string name, IReadOnlyDictionary<string, string> attributes, int fileRow)
    {
        if (!_unit.TryGetValue(code, out var u))
        {
            u = _units.Count;
            _unit[code] = u;
            _units.Add(new UnitInfo(code, name.Length > 0 ? name : code, attributes));
            FirstRow[code] = fileRow;
            foreach (var slice in _years.Values)
            {
                slice.Add(Empty());
            }
        }

        return u;
    }

    public double[] Row(int unit, int year)
    {
        if (!_years.TryGetValue(year, out var slice))
        {
            slice = [.. _units.Select(_ => Empty())];
            _years[year] = slice;
        }

        return slice[unit];
    }

    public DataSet ToDataSet() => new(_units, variables, _years.ToDictionary(p => p.Key, p => p.Value.ToArray()));

    private double[] Empty()
    {
        var row = new double[variables.Count];
        Array.Fill(row, double.NaN);
        return row;
    }
}
