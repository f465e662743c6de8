namespace Luoshi.Documents;

/// <summary>Text → outline tree, with the web furniture it dropped and the document's year.</summary>
public static class OutlineParser
{
    private const string TitleEnds = "。；：！？;:!?";

    public static Outline Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = CleanText.Build(text);
        var items = OutlineTree.Build(clean.Text);
        var nodes = items.Select(i => ToNode(i, 1, clean)).ToList();
        return new Outline(text, clean.Title, DocumentYear.Find(clean.Title, clean.Text), nodes, clean.Dropped);
    }

    private static OutlineNode ToNode(OutlineTree.Item item, int level, CleanText clean)
    {
        var text = clean.Text;
        var marker = item.Marker;
        var titleEnd = TitleEnd(text, marker.ContentStart, item.OwnEnd);
        var headingEnd = titleEnd < item.OwnEnd && TitleEnds.Contains(text[titleEnd], StringComparison.Ordinal) ? titleEnd + 1 : titleEnd;
        var children = item.Children.Select(c => ToNode(c, level + 1, clean)).ToList();
        var end = LastNonSpace(text, marker.Start, item.OwnEnd);
        var sourceEnd = Math.Max(clean.SourceEnd(end), children.Count > 0 ? children[^1].End : 0);
        return new OutlineNode(
            level,
            marker.Style,
            marker.Number,
            item.Ordinal,
            text[marker.ContentStart..titleEnd].Trim(),
            Paragraphs(text[headingEnd..item.OwnEnd]),
            text[marker.Start..headingEnd].Trim(),
            clean.SourceStart(marker.Start),
            sourceEnd,
            children);
    }

    /// <summary>The title runs to the first sentence end outside quotation marks, or to the end of the line.</summary>
    private static int TitleEnd(string text, int from, int limit)
    {
        var quoted = 0;
        for (var i = from; i < limit; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                return i;
            }

            quoted += c switch { '“' or '《' or '「' => 1, '”' or '》' or '」' => quoted > 0 ? -1 : 0, _ => 0 };
            if (quoted == 0 && TitleEnds.Contains(c, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return limit;
    }

    private static int LastNonSpace(string text, int from, int end)
    {
        while (end > from && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static string Paragraphs(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
