using System.Globalization;

namespace Luoshi.Benchmarking.Tests.Reference;

/// <summary>
/// A reference CSV written by R, read independently of the library's importer: rows keyed by the unit
/// code column, "NA" as NaN. Only what the comparisons need.
/// </summary>
internal sealed class ReferenceTable
{
    private ReferenceTable(List<string> headers, List<string[]> rows, string key)
    {
        Headers = headers;
        var k = headers.IndexOf(key);
        Rows = rows.ToDictionary(r => r[k], r => r);
    }

    public List<string> Headers { get; }

    public Dictionary<string, string[]> Rows { get; }

    public IEnumerable<string> Units => Rows.Keys;

    public double this[string unit, string column] =>
        Rows[unit][Headers.IndexOf(column)] is "NA" or "" ? double.NaN : double.Parse(Rows[unit][Headers.IndexOf(column)], CultureInfo.InvariantCulture);

    public string Text(string unit, string column) => Rows[unit][Headers.IndexOf(column)];

    public static ReferenceTable Coinr(params string[] path) => Read(SharedData.Path(["reference", "coinr", .. path]));

    public static ReferenceTable Read(string path, string? key = null)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).Select(Split).ToList();
        key ??= lines[0].Contains("uCode") ? "uCode" : "UnitCode";
        return new ReferenceTable(lines[0], lines.Skip(1).Select(l => l.ToArray()).ToList(), key);
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = "";
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current);
                current = "";
            }
            else
            {
                current += c;
            }
        }

        fields.Add(current);
        return fields;
    }
}
