using System.Text.RegularExpressions;
using Luoshi.Documents;
using Luoshi.Features.Lights;
using Luoshi.Features.Tasks;

namespace Luoshi.Features.Plans;

/// <summary>A heading of the plan's document (一、 → （一）) with what is filed under it.</summary>
internal sealed class PlanHeading(string number, string? title, int depth)
{
    /// <summary>The number as written, from the top ("一、（一）").</summary>
    public string Number { get; } = number;

    public string? Title { get; set; } = title;
    public int Depth { get; } = depth;
    public List<PlanHeading> Headings { get; } = [];

    /// <summary>The tasks directly under this heading, each with its depth among sub-tasks (ParentId).</summary>
    public List<(TaskRow Row, int Depth)> Tasks { get; } = [];

    public RollUp RollUp { get; set; } = RollUp.Empty;

    /// <summary>The last number of the path, shown in the heading ("（一）").</summary>
    public string OwnNumber { get; set; } = number;
}

/// <summary>
/// A heading's roll-up: the worst light of the open tasks below it (红 before 黄 before 绿 before 未开始;
/// 已办结 only when every task below is done), and how many tasks are below, open, red and yellow.
/// </summary>
internal sealed record RollUp(Light Light, int Total, int Open, int Red, int Yellow)
{
    public static RollUp Empty { get; } = new(Light.Done, 0, 0, 0, 0);

    private static int Badness(Light light) => light switch
    {
        Light.Red => 4,
        Light.Yellow => 3,
        Light.Green => 2,
        Light.NotStarted => 1,
        _ => 0,
    };

    public static RollUp Of(IEnumerable<Light> lights)
    {
        var list = lights.ToList();
        var open = list.Where(l => l != Light.Done).ToList();
        var worst = open.Count == 0 ? Light.Done : open.MaxBy(Badness);
        return new RollUp(worst, list.Count, open.Count, open.Count(l => l == Light.Red), open.Count(l => l == Light.Yellow));
    }
}

/// <summary>
/// The plan page as the document's tree. An imported task keeps its outline position in its number,
/// the numbers from the top written together ("一、（一）1."): everything but the last number names
/// the headings it sits under. The headings' titles come from the plan's source document when there
/// is one (its outline, parsed again); otherwise a heading shows its number alone. Tasks whose number
/// has one level (or none) stand at the top, as before; sub-tasks (ParentId) stay under their parent.
/// </summary>
internal static partial class PlanTree
{
    [GeneratedRegex(@"\G\s*(?:[一二三四五六七八九十百零〇]+[、．.]|[（(]\s*[一二三四五六七八九十百零〇]+\s*[）)]|\d+[.．、](?!\d)|[（(]\s*\d+\s*[）)]|\d+[)）]|[①-⑳])")]
    private static partial Regex Level();

    /// <summary>The numbers of a path, in order, or an empty list when it is not one.</summary>
    public static List<string> Levels(string? number)
    {
        var levels = new List<string>();
        if (string.IsNullOrWhiteSpace(number))
        {
            return levels;
        }

        var at = 0;
        for (var m = Level().Match(number); m.Success && m.Length > 0; m = Level().Match(number, at))
        {
            levels.Add(m.Value.Trim());
            at = m.Index + m.Length;
        }

        return at == number.TrimEnd().Length ? levels : [];
    }

    /// <summary>Heading titles by their path (numbers written together), from the document's outline.</summary>
    public static Dictionary<string, string> TitlesOf(string? documentText)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(documentText))
        {
            return titles;
        }

        void Walk(OutlineNode node, string path)
        {
            var own = path + node.Number.Replace(" ", "", StringComparison.Ordinal);
            if (node.Children.Count > 0)
            {
                titles.TryAdd(own, node.Title.Trim().TrimEnd('。', '；', ';'));
            }

            foreach (var child in node.Children)
            {
                Walk(child, own);
            }
        }

        foreach (var item in OutlineParser.Parse(documentText).Items)
        {
            Walk(item, "");
        }

        return titles;
    }

    /// <summary>The root: headings in document order and the tasks that stand at the top.</summary>
    public static PlanHeading Build(IReadOnlyList<TaskRow> rows, IReadOnlyDictionary<string, string> titles)
    {
        var root = new PlanHeading("", null, 0);
        var ids = rows.Select(r => r.Id).ToHashSet();
        var children = rows.ToLookup(r => r.ParentId is { } p && ids.Contains(p) ? p : (int?)null);
        var byPath = new Dictionary<string, PlanHeading>(StringComparer.Ordinal);
        var lightsUnder = new Dictionary<PlanHeading, List<Light>>();

        foreach (var top in children[null])
        {
            var levels = Levels(top.Number);
            var node = root;
            var path = "";
            var chain = new List<PlanHeading>();
            for (var k = 0; k < levels.Count - 1; k++)
            {
                path += levels[k];
                if (!byPath.TryGetValue(path, out var heading))
                {
                    heading = new PlanHeading(path, titles.GetValueOrDefault(path), k + 1) { OwnNumber = levels[k] };
                    byPath[path] = heading;
                    node.Headings.Add(heading);
                    lightsUnder[heading] = [];
                }

                chain.Add(heading);
                node = heading;
            }

            var subtree = new List<(TaskRow, int)>();
            void Walk(TaskRow row, int depth)
            {
                subtree.Add((row, depth));
                foreach (var child in children[row.Id])
                {
                    Walk(child, depth + 1);
                }
            }

            Walk(top, 0);
            node.Tasks.AddRange(subtree);
            foreach (var heading in chain)
            {
                lightsUnder[heading].AddRange(subtree.Select(s => s.Item1.Light));
            }
        }

        foreach (var (heading, lights) in lightsUnder)
        {
            heading.RollUp = RollUp.Of(lights);
        }

        return root;
    }
}
