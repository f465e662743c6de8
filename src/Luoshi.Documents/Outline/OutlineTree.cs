using System.Text.RegularExpressions;

namespace Luoshi.Documents;

/// <summary>
/// Decides which markers are headings and where they hang. A marker is taken only if it continues the
/// sequence of its style (一 → 二) or starts one (一, or the number after the last of that style when a
/// document numbers straight through its sections); anything else is text. A style already open
/// closes what is below it; a new GB/T level hangs under the nearest higher GB/T level.
/// </summary>
internal static partial class OutlineTree
{
    private const int MaxDepth = 12;

    [GeneratedRegex(@"^[\s\u3000]*(同志们|各位代表|各位委员|各位领导)[，,！!：:。]", RegexOptions.Multiline)]
    private static partial Regex ClosingLine();

    internal sealed class Item(Marker marker, int ordinal, Item? parent)
    {
        public Marker Marker { get; } = marker;

        public int Ordinal { get; } = ordinal;

        public Item? Parent { get; } = parent;

        public List<Item> Children { get; } = [];

        public int OwnEnd { get; set; }
    }

    public static List<Item> Build(string text)
    {
        var roots = new List<Item>();
        var stack = new List<Item>();
        var last = new Dictionary<NumberingStyle, int>();
        var breaks = new List<int>();
        var closings = ClosingLine().Matches(text).Select(m => m.Index).ToList();
        var markers = HeadingMarkers.Scan(text);
        var nextClosing = 0;
        foreach (var marker in markers)
        {
            // A salutation such as "同志们，" in the middle closes the numbered part it follows.
            for (; nextClosing < closings.Count && closings[nextClosing] <= marker.Start; nextClosing++)
            {
                stack.Clear();
                breaks.Add(closings[nextClosing]);
            }

            if (Place(marker, stack, last) is { } item)
            {
                (item.Parent?.Children ?? roots).Add(item);
                stack.Add(item);
                last[marker.Style] = item.Ordinal;
                breaks.Add(marker.Start);
            }
        }

        breaks.AddRange(closings.Skip(nextClosing));
        breaks.Add(text.Length);
        SetOwnEnds(roots, breaks);
        return roots;
    }

    private static Item? Place(Marker marker, List<Item> stack, Dictionary<NumberingStyle, int> last)
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

        if (open >= 0)
        {
            if (ordinal != stack[open].Ordinal + 1)
            {
                return null;
            }

            stack.RemoveRange(open, stack.Count - open);
            return new Item(marker, ordinal, stack.LastOrDefault());
        }

        var continues = last.TryGetValue(marker.Style, out var previous) && ordinal == previous + 1;
        if ((ordinal != 1 && !continues) || stack.Count >= MaxDepth)
        {
            return null;
        }

        var rank = Rank(marker.Style);
        if (rank > 0)
        {
            while (stack.Count > 0 && (Rank(stack[^1].Marker.Style) is var top && (top == 0 || top >= rank)))
            {
                stack.RemoveAt(stack.Count - 1);
            }
        }

        return new Item(marker, ordinal, stack.LastOrDefault());
    }

    /// <summary>The GB/T 9704 rank of a style; 0 for the enumerations of speeches, which nest anywhere.</summary>
    private static int Rank(NumberingStyle style) => style switch
    {
        NumberingStyle.ChineseComma => 1,
        NumberingStyle.ChineseParen => 2,
        NumberingStyle.ArabicDot => 3,
        NumberingStyle.ArabicParen => 4,
        NumberingStyle.Circled => 5,
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
