using System.Text.RegularExpressions;

namespace Luoshi.Documents;

/// <summary>
/// Responsible units and people: labelled ("牵头单位：市科技局"), in a bracket after the task
/// ("（海关总署、商务部负责）"), or named in the text ("局党组", "各处室").
/// </summary>
internal static partial class UnitReader
{
    [GeneratedRegex(@"(?<key>牵头领导|牵头单位|牵头部门|牵头科室|牵头处室|责任单位|责任部门|责任科室|责任处室|配合单位|配合部门|配合科室|配合处室|协办单位|责任人|负责人)[:：](?<names>[^。；;）)\n]+)")]
    private static partial Regex Labelled();

    [GeneratedRegex(@"[（(](?<names>[^（）()：:\n]{2,80}?)(?:牵头)?负责(?:[，,][^（）()]*)?[）)]")]
    private static partial Regex BracketResponsible();

    [GeneratedRegex(@"局党组|局领导班子|局领导|各处室|各科室|各支部|局机关|办公室|督查科|(?:市|省|区|县)[^\s\p{P}和与及的在对把将由向为]{1,5}?(?:局|厅)")]
    private static partial Regex Named();

    // "由市科技局牵头，市财政局、市税务局配合", "由市科技局负责组织实施": minutes and notices say it in the sentence.
    private const string UnitName = @"[^\s，,。；;：:（）()“”]{1,20}?(?:局|委|办|室|科|厅|部|署|院|中心|组|会|府|处|队|所|站|馆)";

    [GeneratedRegex(@"(?:(?:^|[，,。；;：:\n])由?|由)(?<names>" + UnitName + "(?:[、及]" + UnitName + @")*)(?<verb>牵头|负责|配合|协助|协办)")]
    private static partial Regex InSentence();

    public static List<NamedUnit> Read(string text, bool firstListedLeads)
    {
        text = WidthFold.Fold(text);
        var units = new List<NamedUnit>();
        // Most items name no unit in a sentence: a plain search rules them out before the pattern runs.
        var inSentence = text.Contains("牵头", StringComparison.Ordinal) || text.Contains("负责", StringComparison.Ordinal)
            || text.Contains("配合", StringComparison.Ordinal) || text.Contains("协助", StringComparison.Ordinal) || text.Contains("协办", StringComparison.Ordinal);
        foreach (Match m in inSentence ? InSentence().Matches(text) : Enumerable.Empty<Match>())
        {
            // "X负责组织实施……" in a paragraph of duties names a part, not the lead; "由X负责" assigns the item.
            if (m.Groups["verb"].Value == "负责" && !m.Value.Contains('由', StringComparison.Ordinal))
            {
                continue;
            }

            var role = m.Groups["verb"].Value switch { "牵头" => UnitRole.Lead, "负责" => UnitRole.Responsible, _ => UnitRole.Cooperating };
            var names = Names(m.Groups["names"].Value.Replace('及', '、'));
            units.AddRange(names.Select((n, i) => new NamedUnit(n, role == UnitRole.Responsible && i == 0 && names.Count == 1 ? UnitRole.Lead : role)));
        }

        foreach (Match m in Labelled().Matches(text))
        {
            var role = Role(m.Groups["key"].Value);
            units.AddRange(Names(m.Groups["names"].Value).Select(n => new NamedUnit(n, role)));
        }

        foreach (Match m in BracketResponsible().Matches(text))
        {
            var names = Names(m.Groups["names"].Value);
            units.AddRange(names.Select((n, i) => new NamedUnit(n, names.Count == 1 || (firstListedLeads && i == 0)
                ? UnitRole.Lead
                : firstListedLeads ? UnitRole.Cooperating : UnitRole.Responsible)));
        }

        units.AddRange(Named().Matches(text).Select(m => new NamedUnit(m.Value, UnitRole.Mentioned)));

        // A unit named twice keeps its strongest role (the enum is ordered strongest first).
        return [.. units.GroupBy(u => u.Name).Select(g => g.MinBy(u => u.Role)!)];
    }

    private static UnitRole Role(string key) => key switch
    {
        _ when key.StartsWith("牵头领导", StringComparison.Ordinal) || key.EndsWith('人') => UnitRole.Person,
        _ when key.StartsWith("牵头", StringComparison.Ordinal) => UnitRole.Lead,
        _ when key.StartsWith("配合", StringComparison.Ordinal) || key.StartsWith("协办", StringComparison.Ordinal) => UnitRole.Cooperating,
        _ => UnitRole.Responsible,
    };

    private static List<string> Names(string list) =>
        [.. list.Split(['、', '，', ',', '/', '／', ' ', '　'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.TrimEnd('等'))
            .Where(n => n.Length is >= 2 and <= 20)];
}
