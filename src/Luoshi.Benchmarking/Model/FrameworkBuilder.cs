namespace Luoshi.Benchmarking;

/// <summary>Checks a flat node list (duplicates, orphans, cycles, zero weights) and links it into a tree.</summary>
internal static class FrameworkBuilder
{
    public static FrameworkBuildResult Build(IReadOnlyList<FrameworkNode> nodes, IReadOnlyList<int>? rows = null)
    {
        int Row(int i) => rows is null ? i + 1 : rows[i];
        var errors = new List<ImportError>();
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            if (string.IsNullOrWhiteSpace(n.Code))
            {
                errors.Add(new(Row(i), "iCode", "代码为空。"));
            }
            else if (!byCode.TryAdd(n.Code, i))
            {
                errors.Add(new(Row(i), "iCode", $"代码“{n.Code}”重复（首次出现在第{Row(byCode[n.Code])}行）。"));
            }

            if (!double.IsFinite(n.Weight) || n.Weight < 0)
            {
                errors.Add(new(Row(i), "Weight", $"权重“{n.Weight}”无效：须为非负数。"));
            }

            if (n.IsIndicator && n.Direction is not (1 or -1))
            {
                errors.Add(new(Row(i), "Direction", $"方向“{n.Direction}”无效：须为 1（越大越好）或 -1（越小越好）。"));
            }
        }

        var roots = new List<int>();
        var children = nodes.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < nodes.Count; i++)
        {
            var parent = nodes[i].Parent;
            if (string.IsNullOrWhiteSpace(parent))
            {
                if (nodes[i].IsIndicator)
                {
                    errors.Add(new(Row(i), "Parent", $"指标“{nodes[i].Code}”没有上级（孤立节点）。"));
                }
                else
                {
                    roots.Add(i);
                }
            }
            else if (!byCode.TryGetValue(parent, out var p))
            {
                errors.Add(new(Row(i), "Parent", $"上级“{parent}”不存在（孤立节点）。"));
            }
            else if (nodes[p].IsIndicator)
            {
                errors.Add(new(Row(i), "Parent", $"上级“{parent}”是指标，指标不能有下级。"));
            }
            else
            {
                children[p].Add(i);
            }
        }

        if (roots.Count != 1 && errors.Count == 0)
        {
            errors.Add(new(roots.Count == 0 ? 1 : Row(roots[1]), "Parent",
                roots.Count == 0 ? "没有顶层指数（所有节点都有上级，可能存在循环）。" : $"有多个顶层指数：{string.Join("、", roots.Select(r => nodes[r].Code))}。"));
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var depth = new int[nodes.Count];
        Array.Fill(depth, -1);
        var queue = new Queue<int>([roots[0]]);
        depth[roots[0]] = 0;
        while (queue.TryDequeue(out var a))
        {
            foreach (var c in children[a])
            {
                depth[c] = depth[a] + 1;
                queue.Enqueue(c);
            }
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            if (depth[i] < 0)
            {
                errors.Add(new(Row(i), "Parent", $"“{nodes[i].Code}”处在循环中，到不了顶层指数。"));
            }
            else if (!nodes[i].IsIndicator && children[i].Count == 0)
            {
                errors.Add(new(Row(i), "iCode", $"汇总项“{nodes[i].Code}”没有下级。"));
            }
            else if (!nodes[i].IsIndicator && children[i].All(c => nodes[c].Weight == 0))
            {
                errors.Add(new(Row(i), "Weight", $"“{nodes[i].Code}”的下级权重全为 0。"));
            }
        }

        return errors.Count > 0 ? new(null, errors) : new(Link(nodes, children, depth, roots[0]), errors);
    }

    private static Framework Link(IReadOnlyList<FrameworkNode> nodes, List<int>[] children, int[] depth, int root)
    {
        var indicators = Enumerable.Range(0, nodes.Count).Where(i => nodes[i].IsIndicator).ToList();
        var aggregates = Enumerable.Range(0, nodes.Count).Where(i => !nodes[i].IsIndicator)
            .OrderBy(i => depth[i]).ThenBy(i => i).ToList();
        var number = new int[nodes.Count];
        for (var k = 0; k < indicators.Count; k++)
        {
            number[indicators[k]] = k;
        }

        for (var k = 0; k < aggregates.Count; k++)
        {
            number[aggregates[k]] = indicators.Count + k;
        }

        var kids = aggregates.Select(a => children[a].Select(c => number[c]).ToArray()).ToArray();
        var order = Enumerable.Range(0, aggregates.Count).OrderByDescending(k => depth[aggregates[k]]).ThenBy(k => k).ToArray();
        return new Framework(
            [.. indicators.Select(i => nodes[i])], [.. aggregates.Select(i => nodes[i])], kids, order, nodes[root].Code);
    }
}
