namespace Luoshi.Documents;

/// <summary>
/// Outline → draft tasks: every item without children is something to do (a heading with children
/// is a chapter; its children are the tasks), and so is each item of a heading written as titled
/// paragraphs (<see cref="ListItems"/>). Sections that are not actions stay in the list unticked,
/// with the reason (<see cref="NonAction"/>). Each draft keeps the sentence it came from.
/// </summary>
public static class DraftTaskExtractor
{
    public static IReadOnlyList<DraftTask> Extract(Outline outline)
    {
        ArgumentNullException.ThrowIfNull(outline);
        var context = new Context(outline.Text, outline.Year, FirstListedLeads(outline.Text));
        var drafts = new List<DraftTask>();
        foreach (var item in outline.Items)
        {
            Collect(item, "", [], context, drafts);
        }

        return drafts;
    }

    // gov.cn documents say once, in the first bracket, that the first department listed leads.
    internal static bool FirstListedLeads(string text) =>
        text.Contains("第一位的部门为牵头部门", StringComparison.Ordinal) || text.Contains("排在第一位的为牵头单位", StringComparison.Ordinal);

    internal sealed record Context(string Text, int? Year, bool FirstListedLeads);

    private static void Collect(OutlineNode node, string parentPath, List<string> ancestors, Context context, List<DraftTask> drafts)
    {
        var path = parentPath.Length == 0 ? node.Number : $"{parentPath} {node.Number}";
        if (node.Children.Count > 0)
        {
            ancestors.Add(node.Title);
            foreach (var child in node.Children)
            {
                Collect(child, path, ancestors, context, drafts);
            }

            ancestors.RemoveAt(ancestors.Count - 1);
            return;
        }

        var items = node.Body.Length == 0 ? [] : ListItems.Split(node.Body, ContinuesHeading(context.Text, node));
        if (items.Count == 0)
        {
            // A heading cut at a colon ("（牵头单位：") runs on into its body on the same line: read them joined as written.
            var text = node.Body.Length == 0 ? node.Heading : node.Heading + (ContinuesHeading(context.Text, node) ? "" : "\n") + node.Body;
            drafts.Add(Draft(path, node.Number, node.Title, node.Body, text, ancestors, new SourceSpan(node.Start, node.End, node.Heading), context));
            return;
        }

        ancestors.Add(node.Title);
        var searchFrom = node.Start;
        foreach (var (item, k) in items.Select((x, i) => (x, i + 1)))
        {
            // The body is trimmed paragraphs; each item's opening is found again in the document's text.
            var at = context.Text.IndexOf(item.Title + "。", searchFrom, StringComparison.Ordinal);
            var start = at >= 0 && at < node.End ? at : node.Start;
            searchFrom = Math.Max(searchFrom, start);
            var number = k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var end = k < items.Count && context.Text.IndexOf(items[k].Title + "。", start, StringComparison.Ordinal) is var next and > 0 && next < node.End ? next : node.End;
            drafts.Add(Draft($"{path} {number}", number, item.Title, item.Text[(item.Title.Length + 1)..].Trim(), item.Text, ancestors,
                new SourceSpan(start, Math.Max(start, end), item.Title + "。"), context));
        }

        ancestors.RemoveAt(ancestors.Count - 1);
    }

    /// <summary>Whether the text after the heading's sentence runs on in the same paragraph.</summary>
    private static bool ContinuesHeading(string text, OutlineNode node)
    {
        var at = text.IndexOf(node.Heading, node.Start, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        for (var i = at + node.Heading.Length; i < text.Length && i < node.End; i++)
        {
            if (text[i] == '\n')
            {
                return false;
            }

            if (!char.IsWhiteSpace(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    internal static DraftTask Draft(string path, string number, string title, string body, string text, IReadOnlyList<string> ancestors, SourceSpan source, Context context)
    {
        var read = TargetReader.Read(text);
        var reason = NonAction.Reason(title, ancestors, read.Count > 0);
        // What a review section reports was done last year; its numbers are results, not targets.
        var targets = reason is null || reason.StartsWith("目标", StringComparison.Ordinal) ? read : [];
        return new DraftTask(path, number, title, body, targets, DeadlineReader.Read(text, context.Year), UnitReader.Read(text, context.FirstListedLeads), source)
        {
            Ticked = reason is null,
            Reason = reason,
        };
    }
}
