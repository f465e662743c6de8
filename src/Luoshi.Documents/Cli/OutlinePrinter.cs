namespace Luoshi.Documents;

/// <summary>The human-readable form: an indented tree a reader can check against the document.</summary>
internal static class OutlinePrinter
{
    public static void Print(Outline outline, TextWriter output)
    {
        output.WriteLine($"标题：{outline.Title ?? "（无）"}");
        output.WriteLine($"年份：{(outline.Year is int y ? y.ToString(System.Globalization.CultureInfo.InvariantCulture) : "未知")}");
        output.WriteLine();
        foreach (var node in outline.Items)
        {
            PrintNode(node, output);
        }

        if (outline.Dropped.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"已删除的网页杂项（{outline.Dropped.Count} 处）：");
            foreach (var line in outline.Dropped)
            {
                output.WriteLine($"  [{line.Reason}] {Shorten(line.Text, 60)}");
            }
        }
    }

    private static void PrintNode(OutlineNode node, TextWriter output)
    {
        output.WriteLine($"{new string(' ', (node.Level - 1) * 2)}{node.Number} {Shorten(node.Title, 60)}");
        foreach (var child in node.Children)
        {
            PrintNode(child, output);
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "……");
}
