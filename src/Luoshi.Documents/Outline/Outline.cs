namespace Luoshi.Documents;

/// <summary>
/// A document read into its numbered outline. <see cref="Text"/> is the text the parser was given;
/// every offset in the outline (nodes, dropped lines) points into it, so the app can store the text
/// and highlight any item's source later.
/// </summary>
public sealed record Outline(
    string Text,
    string? Title,
    int? Year,
    IReadOnlyList<OutlineNode> Items,
    IReadOnlyList<DroppedLine> Dropped)
{
    /// <summary>Every node, parents before their children, in document order.</summary>
    public IEnumerable<OutlineNode> AllNodes() => Items.SelectMany(Flatten);

    private static IEnumerable<OutlineNode> Flatten(OutlineNode node) => [node, .. node.Children.SelectMany(Flatten)];
}

/// <summary>
/// One numbered item. <see cref="Number"/> is as written ("（三）", "一是要"); <see cref="Start"/> and
/// <see cref="End"/> cover the number, title, body and children in <see cref="Outline.Text"/>.
/// <see cref="Heading"/> is the number and title with its closing punctuation: the sentence that names the item.
/// </summary>
public sealed record OutlineNode(
    int Level,
    NumberingStyle Style,
    string Number,
    int Ordinal,
    string Title,
    string Body,
    string Heading,
    int Start,
    int End,
    IReadOnlyList<OutlineNode> Children)
{
    /// <summary>The cells of the breakdown-table row this item is (style <see cref="NumberingStyle.TableRow"/>); null otherwise.</summary>
    public BreakdownRow? Row { get; init; }
}

/// <summary>
/// A row of a breakdown table, its cells read by what their column heads say: the task, the lead and
/// cooperating units, the deadline and the target, each as written (multi-line cells joined); every
/// cell under its own head in <see cref="Cells"/>.
/// </summary>
public sealed record BreakdownRow(
    string Serial,
    string Task,
    string Lead,
    string Cooperating,
    string Deadline,
    string Target,
    IReadOnlyList<BreakdownCell> Cells);

/// <summary>One cell and the head of its column as the table writes it ("责任科室").</summary>
public sealed record BreakdownCell(string Header, string Text);

/// <summary>A line (or page marker) of web furniture left out of the outline, and why.</summary>
public sealed record DroppedLine(int Start, int Length, string Text, string Reason);
