namespace Luoshi.Features.Shared;

/// <summary>
/// Mapping rules as the office writes them, one a line: <c>来源 =&gt; 科室名</c> (or with →), blank lines
/// and lines starting with # ignored. What the source is (an LDAP DN, a department) is the caller's;
/// this reads the lines and says, in Chinese and by line number, which are not rules.
/// </summary>
internal static class RuleLines
{
    private static readonly string[] Arrows = ["=>", "→"];

    /// <param name="shape">How a line should look, for the problem of one that does not (应写成“…”).</param>
    /// <param name="sourceOk">Whether the text left of the arrow can be a source at all.</param>
    /// <param name="hint">Said after the shape, e.g. what the source may be.</param>
    public static (List<(string Source, string Section)> Rules, List<string> Problems) Parse(string? text, string shape, Func<string, bool> sourceOk, string hint = "")
    {
        var rules = new List<(string, string)>();
        var problems = new List<string>();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var arrow = Arrows.Select(a => (a, at: line.IndexOf(a, StringComparison.Ordinal))).FirstOrDefault(x => x.at > 0);
            var source = arrow.a is null ? "" : line[..arrow.at].Trim();
            var section = arrow.a is null ? "" : line[(arrow.at + arrow.a.Length)..].Trim();
            if (source.Length == 0 || section.Length == 0 || !sourceOk(source))
            {
                problems.Add($"第{i + 1}行应写成“{shape}”{hint}");
            }
            else if (section.Length > 50)
            {
                problems.Add($"第{i + 1}行的科室名不能超过50个字");
            }
            else
            {
                rules.Add((source, section));
            }
        }

        return (rules, problems);
    }
}
