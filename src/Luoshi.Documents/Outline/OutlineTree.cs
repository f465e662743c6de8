using System.Text.RegularExpressions;

namespace Luoshi.Documents;

/// <summary>
/// Decides which markers are headings and where they hang. A marker is taken only if it continues the
/// sequence of its style (一 → 二) or starts one (一, or the number after the last of that style when a
/// document numbers straight through its sections); anything else is text. A style already open
/// closes what is below it; a new GB/T level hangs under the nearest higher GB/T level.
/// A series may start again: a speech's second 一要/二要 series, or a plan attached after 附件 or
/// under a new title. Decimal numbers (1, 1.1, 1.1.1) hang under the number they extend. Rows of a
/// breakdown table hang under the heading open above them.
/// </summary>
internal static partial class OutlineTree
{
    private const int MaxDepth = 12;

    [GeneratedRegex(@"^[\s\u3000]*(同志们|各位代表|各位委员|各位领导)[，,！!：:。]", RegexOptions.Multiline)]
    private static partial Regex ClosingLine();

    // "附件", "附件2", "附件：某某方案": what follows is another document.
    [GeneratedRegex(@"^[ \t\u3000]*附\s*件\s*\d{0,2}[ \t\u3000]*(?:[：:][^\n]{0,60})?[ \t\u3000]*$", RegexOptions.Multiline)]
    private static partial Regex AttachmentLine();

    // The title of an attached or forwarded document: a line of its own naming a kind of document.
    private static readonly string[] DocumentKinds = ["方案", "意见", "办法", "细则", "要点", "规划", "计划", "清单", "决定", "规定", "纲要", "通知", "预案"];

    private static readonly System.Buffers.SearchValues<char> TitlePunctuation = System.Buffers.SearchValues.Create("。；，：、！？");

    internal sealed class Item(Marker marker, int ordinal, Item? parent)
    {
        public Marker Marker { get; } = marker;

        public int Ordinal { get; } = ordinal;

        public Item? Parent { get; } = parent;

        public List<Item> Children { get; } = [];

        public int OwnEnd { get; set; }

        public BreakdownRow? Row { get; init; }
    }

    public static List<Item> Build(string text)
    {
        var folded = WidthFold.Fold(text);
        var tables = BreakdownTables.Find(text, folded);
        var rows = tables.SelectMany(t => t.Rows).ToDictionary(r => r.Start);
        var markers = WithRows(HeadingMarkers.Scan(text, folded), tables);
        var closings = ClosingLine().Matches(folded).Select(m => m.Index).ToList();
        var attachments = AttachmentLine().Matches(text).Select(m => m.Index).ToList();
        var titles = TitleLines(folded);
        var tableEnds = tables.Select(t => t.End).ToList();

        var roots = new List<Item>();
        var stack = new List<Item>();
        var last = new Dictionary<(NumberingStyle, int), int>();
        var breaks = new List<int>();
        var (nextClosing, nextAttachment, nextTableEnd, nextTitle) = (0, 0, 0, 0);
        var lastBreak = -1;
        for (var k = 0; k < markers.Count; k++)
        {
            var marker = markers[k];

            // A salutation such as "同志们，" in the middle closes the numbered part it follows.
            for (; nextClosing < closings.Count && closings[nextClosing] <= marker.Start; nextClosing++)
            {
                stack.Clear();
                breaks.Add(closings[nextClosing]);
            }

            // So does an attachment: the numbering after it belongs to another document.
            for (; nextAttachment < attachments.Count && attachments[nextAttachment] <= marker.Start; nextAttachment++)
            {
                stack.Clear();
                breaks.Add(attachments[nextAttachment]);
                lastBreak = attachments[nextAttachment];
            }

            for (; nextTitle < titles.Count && titles[nextTitle] <= marker.Start; nextTitle++)
            {
                lastBreak = Math.Max(lastBreak, titles[nextTitle]);
            }

            // The rows of a table end with it; what follows hangs where it would without the table.
            for (; nextTableEnd < tableEnds.Count && tableEnds[nextTableEnd] <= marker.Start; nextTableEnd++)
            {
                stack.RemoveAll(i => i.Marker.Style == NumberingStyle.TableRow);
                breaks.Add(tableEnds[nextTableEnd]);
            }

            var item = marker.Style switch
            {
                NumberingStyle.TableRow => PlaceRow(marker, stack, rows[marker.Start].Row),
                NumberingStyle.Decimal => PlaceDecimal(marker, stack, last),
                _ => Place(marker, stack, last, lastBreak, breaks, () => SeriesFollows(markers, k)),
            };
            if (item is not null)
            {
                (item.Parent?.Children ?? roots).Add(item);
                stack.Add(item);
                last[(marker.Style, marker.Depth)] = item.Ordinal;
                breaks.Add(marker.Start);
            }
        }

        breaks.AddRange(closings.Skip(nextClosing));
        breaks.AddRange(attachments.Skip(nextAttachment));
        breaks.AddRange(tableEnds.Skip(nextTableEnd));
        breaks.Add(text.Length);
        SetOwnEnds(roots, breaks);
        return roots;
    }

    /// <summary>
    /// Where a line of its own names a document ("……实施方案"): no number before it, no punctuation in it.
    /// Checked line by line in code, as a pattern would try every length of every line.
    /// </summary>
    private static List<int> TitleLines(string folded)
    {
        var titles = new List<int>();
        var start = 0;
        while (start < folded.Length)
        {
            var end = folded.IndexOf('\n', start);
            end = end < 0 ? folded.Length : end;
            var line = folded.AsSpan(start, end - start).Trim();
            if (line.Length is >= 4 and <= 64
                && "案见法则点划单定要知".Contains(line[^1])
                && EndsWithKind(line)
                && !"一二三四五六七八九十（第0123456789".Contains(line[0])
                && line.IndexOfAny(TitlePunctuation) < 0)
            {
                titles.Add(start);
            }

            start = end + 1;
        }

        return titles;
    }

    private static bool EndsWithKind(ReadOnlySpan<char> line)
    {
        foreach (var kind in DocumentKinds)
        {
            if (line.EndsWith(kind, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The markers outside the tables' rows, and one marker for each row.</summary>
    private static List<Marker> WithRows(List<Marker> markers, List<BreakdownTables.Found> tables)
    {
        if (tables.Count == 0)
        {
            return markers;
        }

        // Both lists are in text order, so one pass drops the numbers written inside the cells.
        var rows = tables.SelectMany(t => t.Rows).ToList();
        var outside = new List<Marker>(markers.Count);
        var r = 0;
        foreach (var m in markers)
        {
            while (r < rows.Count && rows[r].End <= m.Start)
            {
                r++;
            }

            if (r >= rows.Count || m.Start < rows[r].Start)
            {
                outside.Add(m);
            }
        }

        var rowMarkers = rows.Select(r => new Marker(r.Start, r.TaskStart, NumberingStyle.TableRow, r.Ordinal, r.Row.Serial));
        return [.. outside.Concat(rowMarkers).OrderBy(m => m.Start)];
    }

    /// <summary>Whether the marker at <paramref name="k"/> opens a series: the next of its style is its successor.</summary>
    private static bool SeriesFollows(List<Marker> markers, int k)
    {
        var marker = markers[k];
        for (var j = k + 1; j < markers.Count; j++)
        {
            if (markers[j].Style == marker.Style)
            {
                return markers[j].Ordinal == marker.Ordinal + 1 || markers[j].Ordinal == HeadingMarkers.NextInSequence;
            }
        }

        return false;
    }

    private static Item? Place(Marker marker, List<Item> stack, Dictionary<(NumberingStyle, int), int> last, int lastBreak, List<int> breaks, Func<bool> seriesFollows)
    {
        var open = stack.FindLastIndex(i => i.Marker.Style == marker.Style);
        var ordinal = marker.Ordinal;
        if (ordinal == HeadingMarkers.NextInSequence)
        {
            if (open < 0)
            {
                return null;
            }

            ordinal = stack[open].Ordinal + 1;
        }

        var rank = Rank(marker.Style);
        if (open >= 0 && ordinal == 1 && stack[open].Ordinal > 1)
        {
            if (rank == 0 && seriesFollows())
            {
                // A speech's second series (……强调，一要……二要……) replaces the first under the same parent.
                stack.RemoveRange(open, stack.Count - open);
                return new Item(marker, ordinal, stack.LastOrDefault());
            }

            if (rank > 0 && lastBreak > stack[0].Marker.Start && seriesFollows())
            {
                // An attached or forwarded document under its own title numbers from 一 again.
                stack.Clear();
                last.Clear();
                breaks.Add(lastBreak);
                return new Item(marker, ordinal, null);
            }
        }

        if (open >= 0)
        {
            if (ordinal != stack[open].Ordinal + 1)
            {
                return null;
            }

            stack.RemoveRange(open, stack.Count - open);
            return new Item(marker, ordinal, stack.LastOrDefault());
        }

        var continues = last.TryGetValue((marker.Style, 1), out var previous) && ordinal == previous + 1;
        if ((ordinal != 1 && !continues) || stack.Count >= MaxDepth)
        {
            return null;
        }

        if (rank > 0)
        {
            while (stack.Count > 0 && (Rank(stack[^1].Marker.Style) is var top && (top == 0 || top >= rank)))
            {
                stack.RemoveAt(stack.Count - 1);
            }
        }

        return new Item(marker, ordinal, stack.LastOrDefault());
    }

    /// <summary>
    /// "1.2" continues "1.1" or starts under "1"; "2" continues "1". A decimal number that extends
    /// nothing open is text, which keeps amounts and version numbers out.
    /// </summary>
    private static Item? PlaceDecimal(Marker marker, List<Item> stack, Dictionary<(NumberingStyle, int), int> last)
    {
        var depth = marker.Depth;
        var prefix = Prefix(marker.Number);
        var sibling = stack.FindLastIndex(i => i.Marker.Style == NumberingStyle.Decimal && i.Marker.Depth == depth);
        var parent = depth == 1 ? -1 : stack.FindLastIndex(i => i.Marker.Style == NumberingStyle.Decimal && i.Marker.Depth == depth - 1);
        if (depth > 1 && (parent < 0 || Folded(stack[parent].Marker.Number) != prefix))
        {
            return null;
        }

        if (sibling > parent && sibling >= 0)
        {
            if (marker.Ordinal != stack[sibling].Ordinal + 1)
            {
                return null;
            }

            stack.RemoveRange(sibling, stack.Count - sibling);
            return new Item(marker, marker.Ordinal, stack.LastOrDefault());
        }

        var continues = depth == 1 && last.TryGetValue((NumberingStyle.Decimal, 1), out var previous) && marker.Ordinal == previous + 1;
        if (marker.Ordinal != 1 && !continues)
        {
            return null;
        }

        if (depth == 1)
        {
            // A chapter closes everything; nothing numbered sits above a top-level decimal.
            stack.Clear();
            return new Item(marker, marker.Ordinal, null);
        }

        stack.RemoveRange(parent + 1, stack.Count - parent - 1);
        return new Item(marker, marker.Ordinal, stack[parent]);
    }

    private static Item PlaceRow(Marker marker, List<Item> stack, BreakdownRow row)
    {
        stack.RemoveAll(i => i.Marker.Style == NumberingStyle.TableRow);
        return new Item(marker, marker.Ordinal, stack.LastOrDefault()) { Row = row };
    }

    private static string Folded(string number) => number.Replace('．', '.');

    private static string Prefix(string number)
    {
        var folded = Folded(number);
        var dot = folded.LastIndexOf('.');
        return dot < 0 ? "" : folded[..dot];
    }

    /// <summary>The GB/T 9704 rank of a style; 0 for the enumerations of speeches and table rows, which nest anywhere.</summary>
    private static int Rank(NumberingStyle style) => style switch
    {
        NumberingStyle.ChineseComma => 1,
        NumberingStyle.ChineseParen => 2,
        NumberingStyle.ArabicDot => 3,
        NumberingStyle.ArabicParen => 4,
        NumberingStyle.Circled => 5,

        // Chapters numbered 1, 1.1 stand above any GB/T level written inside them.
        NumberingStyle.Decimal => -1,
        _ => 0,
    };

    private static void SetOwnEnds(List<Item> roots, List<int> unsortedBreaks)
    {
        var breaks = unsortedBreaks.Distinct().Order().ToList();
        var stack = new Stack<Item>(roots.AsEnumerable().Reverse());
        while (stack.TryPop(out var item))
        {
            var at = breaks.BinarySearch(item.Marker.Start);
            item.OwnEnd = at >= 0 && at + 1 < breaks.Count ? breaks[at + 1] : breaks[^1];
            foreach (var child in item.Children.AsEnumerable().Reverse())
            {
                stack.Push(child);
            }
        }
    }
}
