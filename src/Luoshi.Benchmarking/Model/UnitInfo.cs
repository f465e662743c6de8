namespace Luoshi.Benchmarking;

/// <summary>A compared unit (city, province, nation…) with its text attributes such as groups (EurAsia_group = "Asia").</summary>
public sealed record UnitInfo(string Code, string Name, IReadOnlyDictionary<string, string> Attributes)
{
    public UnitInfo(string code) : this(code, code, new Dictionary<string, string>())
    {
    }
}
