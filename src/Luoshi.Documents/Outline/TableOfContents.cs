using System.Text.RegularExpressions;

namespace Luoshi.Documents;

/// <summary>
/// A table of contents ("目录" and the headings again, often with dot leaders and page numbers) would
/// give every heading twice. It runs from the 目录 line to the line where its first entry appears again
/// as the body's first heading; without that repeat nothing is taken as a table of contents.
/// </summary>
internal static partial class TableOfContents
{
    private const int MaxEntries = 300;

    [GeneratedRegex(@"^目\s*录$|^目\s*次$")]
    private static partial Regex Heading();

    // Dot leaders, ellipses, middle dots and the page number after them.
    [GeneratedRegex(@"[\s.．·…\-—_]*[(（]?\d{0,4}[)）]?$")]
    private static partial Regex Leader();

    /// <summary>The indexes of the lines of the table of contents, its 目录 line first.</summary>
    public static List<int> Find(string source, List<SourceLine> lines, bool[] keep)
    {
        var start = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (keep[i] && lines[i].End - lines[i].Start <= 12 && Heading().IsMatch(lines[i].Trimmed(source)))
            {
                start = i;
                break;
            }
        }

        if (start < 0)
        {
            return [];
        }

        var entries = new List<int> { start };
        string? first = null;
        for (var i = start + 1; i < lines.Count && entries.Count <= MaxEntries; i++)
        {
            if (!keep[i])
            {
                continue;
            }

            var trimmed = lines[i].Trimmed(source);
            var key = Key(trimmed);
            if (first is null)
            {
                first = key;
            }
            else if (key == first)
            {
                return entries;
            }

            if (trimmed.Length > 80 || trimmed.EndsWith('。'))
            {
                return [];
            }

            entries.Add(i);
        }

        return [];
    }

    private static string Key(string line)
    {
        var withoutPage = Leader().Replace(WidthFold.Fold(line), "", 1);
        return string.Concat(withoutPage.Where(c => !char.IsWhiteSpace(c)));
    }
}
