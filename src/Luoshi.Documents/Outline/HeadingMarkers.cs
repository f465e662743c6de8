using System.Globalization;
using System.Text.RegularExpressions;

namespace Luoshi.Documents;

/// <summary>A number that may open an outline item, found at a line start or right after a sentence end.</summary>
internal readonly record struct Marker(int Start, int ContentStart, NumberingStyle Style, int Ordinal, string Number);

internal static partial class HeadingMarkers
{
    // Sequence words other than 首先 have no number of their own: ordinal 0 means "the next one".
    public const int NextInSequence = 0;

    private const string SentenceEnds = "。；！？：;!?:";

    [GeneratedRegex(
        @"\G(?:(?<cc>[一二三四五六七八九十]{1,3})、" +
        @"|[（(](?<cp>[一二三四五六七八九十]{1,3})[）)]、?" +
        @"|(?<ad>\d{1,2})(?:[.．](?!\d)|、)" +
        @"|[（(](?<ap>\d{1,2})[）)]、?" +
        @"|(?<ci>[①-⑳])" +
        @"|第(?<or>[一二三四五六七八九十]{1,3})[，,、]" +
        @"|(?<sy>[一二三四五六七八九十]{1,3})(?:是要|是|要)(?![一二三四五六七八九十])" +
        @"|(?<sq>首先|其次|再次|最后)[，,])[ \t\u3000]*",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static List<Marker> Scan(string text)
    {
        var found = new List<Marker>();
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            TryAt(text, SkipSpace(text, lineStart, lineEnd), lineEnd, found);
            for (var i = lineStart; i < lineEnd; i++)
            {
                if (SentenceEnds.Contains(text[i], StringComparison.Ordinal))
                {
                    TryAt(text, SkipSpace(text, i + 1, lineEnd), lineEnd, found);
                }
            }

            lineStart = lineEnd + 1;
        }

        return found;
    }

    private static int SkipSpace(string text, int i, int end)
    {
        while (i < end && (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF'))
        {
            i++;
        }

        return i;
    }

    private static void TryAt(string text, int at, int lineEnd, List<Marker> found)
    {
        if (at >= lineEnd)
        {
            return;
        }

        var m = Pattern().Match(text, at, lineEnd - at);
        if (!m.Success || m.Index + m.Length >= lineEnd)
        {
            return;
        }

        var (style, ordinal) = Read(m);
        if (ordinal is int n)
        {
            var number = m.Value.TrimEnd().TrimEnd('，', ',');
            found.Add(new Marker(at, m.Index + m.Length, style, n, number));
        }
    }

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
