using System.Text;

namespace Luoshi.Documents;

/// <summary>
/// The document without its web furniture, with page markers spliced out, plus a map from every
/// character back to its offset in the original text. The parser works on the clean text so that a
/// heading cut by a page marker reads whole; offsets are mapped back for the caller.
/// </summary>
internal sealed class CleanText
{
    private readonly List<int> map;

    private CleanText(string text, List<int> map, string? title, List<DroppedLine> dropped)
    {
        Text = text;
        this.map = map;
        Title = title;
        Dropped = dropped;
    }

    public string Text { get; }

    public string? Title { get; }

    public List<DroppedLine> Dropped { get; }

    /// <summary>The source offset just after the clean range [start, end).</summary>
    public int SourceEnd(int end) => end == 0 ? 0 : map[end - 1] + 1;

    public int SourceStart(int start) => start < map.Count ? map[start] : SourceEnd(start);

    public static CleanText Build(string source)
    {
        var lines = SourceLine.Split(source);
        var dropped = new List<DroppedLine>();
        var keep = Classify(source, lines, dropped, out var title);
        foreach (var i in TableOfContents.Find(source, lines, keep))
        {
            keep[i] = false;
            dropped.Add(new DroppedLine(lines[i].Start, lines[i].End - lines[i].Start, lines[i].Trimmed(source), "目录"));
        }

        var markers = PageMarkers.Find(source, lines, keep);

        var text = new StringBuilder(source.Length);
        var map = new List<int>(source.Length);
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            if (!keep[i])
            {
                continue;
            }

            var from = line.Start;
            if (markers.TryGetValue(i, out var markerEnd))
            {
                dropped.Add(new DroppedLine(line.Start, markerEnd - line.Start, source[line.Start..markerEnd].Trim(), "分页标记"));
                from = markerEnd;

                // The page broke mid-sentence: splice the continuation onto the previous line.
                if (text.Length > 0 && text[^1] == '\n')
                {
                    text.Length--;
                    map.RemoveAt(map.Count - 1);
                }
            }

            for (var p = from; p < line.End; p++)
            {
                text.Append(source[p]);
                map.Add(p);
            }

            text.Append('\n');
            map.Add(line.End);
        }

        dropped.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new CleanText(text.ToString(), map, title, dropped);
    }

    private static bool[] Classify(string source, List<SourceLine> lines, List<DroppedLine> dropped, out string? title)
    {
        var keep = new bool[lines.Count];
        title = null;
        string? firstLine = null;
        var metadataValueNext = false;
        var titleValueNext = false;
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            var trimmed = line.Trimmed(source);
            if (trimmed.Length == 0)
            {
                metadataValueNext = false;
                continue;
            }

            var reason = Boilerplate.Reason(trimmed);
            if (metadataValueNext)
            {
                reason = "网页元数据";
                title = titleValueNext ? trimmed : title;
                metadataValueNext = false;
            }
            else if (Boilerplate.MetadataLabel().IsMatch(trimmed))
            {
                reason = "网页元数据";
                metadataValueNext = true;
                titleValueNext = trimmed.StartsWith('标');
            }
            else if (reason is null && firstLine is not null && Squeeze(trimmed) == Squeeze(firstLine))
            {
                reason = "重复的标题";
            }

            if (reason is not null)
            {
                dropped.Add(new DroppedLine(line.Start, line.End - line.Start, trimmed, reason));
                continue;
            }

            firstLine ??= trimmed;
            keep[i] = true;
        }

        title ??= firstLine;
        return keep;
    }

    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
