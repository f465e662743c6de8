using System.Globalization;
using System.Text.RegularExpressions;

namespace Luoshi.Documents;

/// <summary>A number that may open an outline item, found at a line start or right after a sentence end.</summary>
internal readonly record struct Marker(int Start, int ContentStart, NumberingStyle Style, int Ordinal, string Number)
{
    /// <summary>How many parts a decimal number has ("1.2.3" → 3); 1 for every other style.</summary>
    public int Depth => Style == NumberingStyle.Decimal ? Number.Count(c => c is '.' or '．') + 1 : 1;
}

/// <summary>
/// Finds candidate markers in the folded text (<see cref="WidthFold"/>), so "(一)" and "（一）", "," and
/// "，" read alike. Which candidates are headings is <see cref="OutlineTree"/>'s decision.
/// </summary>
internal static partial class HeadingMarkers
{
    // Sequence words other than 首先 have no number of their own: ordinal 0 means "the next one".
    public const int NextInSequence = 0;

    private const string SentenceEnds = "。；！？：";

    [GeneratedRegex(
        @"\G(?:(?<cc>[一二三四五六七八九十]{1,3})、" +
        @"|（(?<cp>[一二三四五六七八九十]{1,3})）、?" +
        @"|(?<ad>\d{1,2})(?:\.(?!\d)|、)" +
        @"|（(?<ap>\d{1,2})）、?" +
        @"|(?<ci>[①-⑳])" +
        @"|第(?<or>[一二三四五六七八九十]{1,3})[，、]" +
        @"|(?<sy>[一二三四五六七八九十]{1,3})(?:是要|是|要)(?![一二三四五六七八九十])" +
        @"|(?<sq>首先|其次|再次|最后)，)[ \t\u3000]*",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    // Plans and standards: "1.1 编制目的", "1.1.1"; only at a line start, and never an amount ("1.5亿元").
    [GeneratedRegex(@"\G(?<dn>\d{1,2}(?:\.\d{1,2}){1,3})(?![\d.%％亿万千百元倍个])[ \t\u3000]*", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();

    // The top level of decimal numbering ("1 总则") is a short line of its own: a number, a space, words.
    [GeneratedRegex(@"\G(?<d1>\d{1,2})[ \t\u3000]+(?=[\p{IsCJKUnifiedIdeographs}])(?![年月日号个项次人天家])(?=[^\n。；]{1,30}\n)", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalTopPattern();

    /// <summary>Markers by position; numbers are matched on the folded text and kept as written.</summary>
    public static List<Marker> Scan(string text, string folded)
    {
        var found = new List<(Marker Marker, bool AfterComma)>();
        var hasDecimal = false;
        var lineStart = 0;
        while (lineStart < folded.Length)
        {
            var lineEnd = folded.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? folded.Length : lineEnd;
            var first = SkipSpace(folded, lineStart, lineEnd);
            if (TryDecimal(text, folded, first, lineEnd) is { } decimalMarker)
            {
                hasDecimal |= decimalMarker.Depth > 1;
                found.Add((decimalMarker, false));
            }
            else
            {
                TryAt(text, folded, first, lineEnd, false, found);
            }

            for (var i = lineStart; i < lineEnd; i++)
            {
                if (SentenceEnds.Contains(folded[i], StringComparison.Ordinal))
                {
                    TryAt(text, folded, SkipSpace(folded, i + 1, lineEnd), lineEnd, false, found);
                }
                else if (folded[i] == '，')
                {
                    TryAt(text, folded, SkipSpace(folded, i + 1, lineEnd), lineEnd, true, found);
                }
            }

            lineStart = lineEnd + 1;
        }

        return SeriesAfterCommas(found, hasDecimal);
    }

    private static Marker? TryDecimal(string text, string folded, int at, int lineEnd)
    {
        if (at >= lineEnd || !char.IsAsciiDigit(folded[at]))
        {
            return null;
        }

        var m = DecimalPattern().Match(folded, at, lineEnd - at);
        if (!m.Success)
        {
            // The lookahead of the top-level pattern needs the line end, so it may read the "\n" after the line.
            m = DecimalTopPattern().Match(folded, at, Math.Min(folded.Length, lineEnd + 1) - at);
        }

        if (!m.Success || m.Index + m.Length >= lineEnd)
        {
            return null;
        }

        var number = m.Groups[m.Groups["dn"].Success ? "dn" : "d1"].Value;
        var written = text.Substring(at, number.Length);
        var last = number[(number.LastIndexOf('.') + 1)..];
        return new Marker(at, m.Index + m.Length, NumberingStyle.Decimal, int.Parse(last, CultureInfo.InvariantCulture), written);
    }

    /// <summary>
    /// A number after a comma ("……要求，一要……二要……") is a marker only as part of a series: the next
    /// marker of its style continues it, or it continues the one before. A lone top-level decimal ("1 总则")
    /// counts only in a document that also has "1.1".
    /// </summary>
    private static List<Marker> SeriesAfterCommas(List<(Marker Marker, bool AfterComma)> found, bool hasDecimal)
    {
        found.Sort((a, b) => a.Marker.Start.CompareTo(b.Marker.Start));
        var kept = new List<Marker>(found.Count);
        var keptAfterComma = new HashSet<int>();
        for (var k = 0; k < found.Count; k++)
        {
            var (marker, afterComma) = found[k];
            if (marker.Style == NumberingStyle.Decimal && marker.Depth == 1 && !hasDecimal)
            {
                continue;
            }

            if (afterComma && !InSeries(found, k, kept, keptAfterComma))
            {
                continue;
            }

            if (afterComma)
            {
                keptAfterComma.Add(marker.Start);
            }

            kept.Add(marker);
        }

        return kept;
    }

    private static bool InSeries(List<(Marker Marker, bool AfterComma)> found, int k, List<Marker> kept, HashSet<int> keptAfterComma)
    {
        var marker = found[k].Marker;
        if (marker.Style is NumberingStyle.ChineseComma or NumberingStyle.ArabicDot or NumberingStyle.Sequence or NumberingStyle.Decimal)
        {
            return false;
        }

        var previous = kept.FindLastIndex(m => m.Style == marker.Style);
        if (previous >= 0 && keptAfterComma.Contains(kept[previous].Start) && kept[previous].Ordinal == marker.Ordinal - 1)
        {
            return true;
        }

        var next = found.FindIndex(k + 1, f => f.Marker.Style == marker.Style);
        return next >= 0 && found[next].Marker.Ordinal == marker.Ordinal + 1 && found[next].Marker.Start - marker.Start < 5_000;
    }

    private static int SkipSpace(string text, int i, int end)
    {
        while (i < end && (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF'))
        {
            i++;
        }

        return i;
    }

    private static void TryAt(string text, string folded, int at, int lineEnd, bool afterComma, List<(Marker, bool)> found)
    {
        // Most sentence ends and commas are followed by plain words: look at one character before running the pattern.
        if (at >= lineEnd || !CanStart(folded[at]))
        {
            return;
        }

        var m = Pattern().Match(folded, at, lineEnd - at);
        if (!m.Success || m.Index + m.Length >= lineEnd)
        {
            return;
        }

        var (style, ordinal) = Read(m);
        if (ordinal is int n)
        {
            var number = text.Substring(m.Index, m.Length).TrimEnd().TrimEnd('，', ',');
            found.Add((new Marker(at, m.Index + m.Length, style, n, number), afterComma));
        }
    }

    private static bool CanStart(char c) =>
        char.IsAsciiDigit(c) || c is '（' or '第' or '首' or '其' or '再' or '最' or (>= '①' and <= '⑳') || "一二三四五六七八九十".Contains(c, StringComparison.Ordinal);

    private static (NumberingStyle, int?) Read(Match m)
    {
        if (m.Groups["cc"].Success)
        {
            return (NumberingStyle.ChineseComma, ChineseNumeral.Parse(m.Groups["cc"].ValueSpan));
        }

        if (m.Groups["cp"].Success)
        {
            return (NumberingStyle.ChineseParen, ChineseNumeral.Parse(m.Groups["cp"].ValueSpan));
        }

        if (m.Groups["ad"].Success)
        {
            return (NumberingStyle.ArabicDot, int.Parse(m.Groups["ad"].ValueSpan, CultureInfo.InvariantCulture));
        }

        if (m.Groups["ap"].Success)
        {
            return (NumberingStyle.ArabicParen, int.Parse(m.Groups["ap"].ValueSpan, CultureInfo.InvariantCulture));
        }

        if (m.Groups["ci"].Success)
        {
            return (NumberingStyle.Circled, m.Groups["ci"].Value[0] - '①' + 1);
        }

        if (m.Groups["or"].Success)
        {
            return (NumberingStyle.Ordinal, ChineseNumeral.Parse(m.Groups["or"].ValueSpan));
        }

        if (m.Groups["sy"].Success)
        {
            return (NumberingStyle.ShiYao, ChineseNumeral.Parse(m.Groups["sy"].ValueSpan));
        }

        return (NumberingStyle.Sequence, m.Groups["sq"].Value == "首先" ? 1 : NextInSequence);
    }
}
