using System.Text.RegularExpressions;

namespace Luoshi.Documents;

/// <summary>
/// The items of a heading written as paragraphs that each open with a short title sentence
/// ("提升科技创新能力。实施基础研究十年规划……"), as the 政府工作报告 does under each （x）. When two
/// or more paragraphs open so, each is its own action; paragraphs that do not open so belong to
/// the item before them.
/// </summary>
internal static partial class ListItems
{
    // 4–16 characters, no comma or colon (a sentence, not a label "责任单位：" nor a clause), not "要……".
    [GeneratedRegex(@"^(?<title>(?!要)[^，,：:；;。\n（(]{4,16})。")]
    private static partial Regex ItemOpening();

    public sealed record Item(string Title, string Text, int Line);

    /// <summary>
    /// The items of a body, or an empty list when it is not written as items. When the body's first
    /// line is the rest of the heading's paragraph, it is the heading's own lead-in, not an item.
    /// </summary>
    public static List<Item> Split(string body, bool firstLineContinuesHeading)
    {
        var lines = body.Split('\n');
        var openings = lines.Select((l, i) => (Match: ItemOpening().Match(l), Index: i)).Where(x => x.Match.Success && !(x.Index == 0 && firstLineContinuesHeading)).ToList();
        if (openings.Count < 2)
        {
            return [];
        }

        var items = new List<Item>();
        for (var k = 0; k < openings.Count; k++)
        {
            var from = openings[k].Index;
            var to = k + 1 < openings.Count ? openings[k + 1].Index : lines.Length;
            items.Add(new Item(openings[k].Match.Groups["title"].Value, string.Join('\n', lines[from..to]), from));
        }

        return items;
    }
}
