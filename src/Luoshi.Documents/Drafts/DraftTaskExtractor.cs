namespace Luoshi.Documents;

/// <summary>
/// Outline → draft tasks: every item without children is something to do (a heading with children
/// is a chapter; its children are the tasks). Each draft keeps the sentence it came from.
/// </summary>
public static class DraftTaskExtractor
{
    public static IReadOnlyList<DraftTask> Extract(Outline outline)
    {
        ArgumentNullException.ThrowIfNull(outline);

        // gov.cn documents say once, in the first bracket, that the first department listed leads.
        var firstListedLeads = outline.Text.Contains("第一位的部门为牵头部门", StringComparison.Ordinal)
            || outline.Text.Contains("排在第一位的为牵头单位", StringComparison.Ordinal);
        var drafts = new List<DraftTask>();
        foreach (var item in outline.Items)
        {
            Collect(item, "", outline.Year, firstListedLeads, drafts);
        }

        return drafts;
    }

    private static void Collect(OutlineNode node, string parentPath, int? year, bool firstListedLeads, List<DraftTask> drafts)
    {
        var path = parentPath.Length == 0 ? node.Number : $"{parentPath} {node.Number}";
        if (node.Children.Count > 0)
        {
            foreach (var child in node.Children)
            {
                Collect(child, path, year, firstListedLeads, drafts);
            }

            return;
        }

        var text = node.Body.Length == 0 ? node.Heading : $"{node.Heading}\n{node.Body}";
        drafts.Add(new DraftTask(
            path,
            node.Number,
            node.Title,
            node.Body,
            TargetReader.Read(text),
            DeadlineReader.Read(text, year),
            UnitReader.Read(text, firstListedLeads),
            new SourceSpan(node.Start, node.End, node.Heading)));
    }
}
