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
        if (item.Row is { } row)
        {
            return RowNode(item, row, level, clean);
        }

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

    /// <summary>
    /// A table row reads like an item: its task is the title and heading, and the other columns follow
    /// in the body as labelled lines ("牵头单位：…") under the standard label for their role, so the
    /// draft readers see them as they see a plan's own 牵头单位 lines.
    /// </summary>
    private static OutlineNode RowNode(OutlineTree.Item item, BreakdownRow row, int level, CleanText clean)
    {
        var task = row.Task;
        var titleEnd = TitleEnd(task, 0, task.Length);
        var headingEnd = titleEnd < task.Length && TitleEnds.Contains(task[titleEnd], StringComparison.Ordinal) ? titleEnd + 1 : titleEnd;
        // The columns come first: they are what the table says, the rest of the task only elaborates.
        var lines = new List<string>();
        lines.AddRange(Labelled("牵头单位", row.Lead));
        lines.AddRange(Labelled("配合单位", row.Cooperating));
        lines.AddRange(Labelled("完成时限", row.Deadline));
        lines.AddRange(Labelled("目标", row.Target));
        var named = new[] { row.Serial, row.Task, row.Lead, row.Cooperating, row.Deadline, row.Target };
        lines.AddRange(row.Cells.Where(c => c.Text.Length > 0 && !named.Contains(c.Text)).Select(c => $"{c.Header}：{c.Text}"));
        lines.Add(task[headingEnd..]);
        var children = item.Children.Select(c => ToNode(c, level + 1, clean)).ToList();
        var end = LastNonSpace(clean.Text, item.Marker.Start, item.OwnEnd);
        return new OutlineNode(
            level,
            NumberingStyle.TableRow,
            item.Marker.Number,
            item.Ordinal,
            task[..titleEnd].Trim(),
            Paragraphs(string.Join('\n', lines)),
            task[..headingEnd].Trim(),
            clean.SourceStart(item.Marker.Start),
            Math.Max(clean.SourceEnd(end), children.Count > 0 ? children[^1].End : 0),
            children)
        { Row = row };
    }

    private static IEnumerable<string> Labelled(string label, string value) => value.Length > 0 ? [$"{label}：{value}"] : [];

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
