using System.Globalization;
using System.Text.RegularExpressions;

namespace Luoshi.Documents;

/// <summary>
/// Document-sharing sites number their pages "1、" "2、" … at the start of each page's text, cutting
/// sentences (and headings) in two. Such a run is told from a real list by two things together: it
/// counts 1, 2, 3 … through the whole document without restarting, and the line before most markers
/// stops mid-sentence.
/// </summary>
internal static partial class PageMarkers
{
    private const int MinimumRun = 3;

    [GeneratedRegex(@"^[\s\uFEFF]*(\d{1,3})、\s*")]
    private static partial Regex Marker();

    /// <summary>Line index → source offset where the text after the page marker begins.</summary>
    public static Dictionary<int, int> Find(string source, List<SourceLine> lines, bool[] keep)
    {
        var run = new List<(int Line, int TextStart, bool CutMidSentence)>();
        var previousKept = -1;
        for (var i = 0; i < lines.Count && run.Count < 100_000; i++)
        {
            if (!keep[i])
            {
                continue;
            }

            var m = Marker().Match(source, lines[i].Start, lines[i].End - lines[i].Start);
            var number = m.Success ? int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : 0;
            if (number == 1 && run.Count > 0)
            {
                // A list that starts again is a real list, not page numbers.
                return [];
            }

            if (number == run.Count + 1)
            {
                var cut = previousKept >= 0 && EndsMidSentence(lines[previousKept].Trimmed(source));
                run.Add((i, m.Index + m.Length, cut));
            }

            previousKept = i;
        }

        var cuts = run.Count(r => r.CutMidSentence);
        var isPageRun = run.Count >= MinimumRun && cuts * 3 >= (run.Count - 1) * 2;
        return isPageRun ? run.ToDictionary(r => r.Line, r => r.TextStart) : [];
    }

    private static bool EndsMidSentence(string line)
    {
        var end = line.TrimEnd('”', '’', '」', '』', '"', '\'');
        return end.Length > 0 && !"。！？；：…!?;:)）】".Contains(end[^1], StringComparison.Ordinal);
    }
}
