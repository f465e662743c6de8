namespace Luoshi.Benchmarking;

/// <summary>
/// A validated hierarchy of any depth. Nodes are numbered indicators first (0..m-1), then aggregates
/// (m..), so that a unit's values at every level fit in one array and aggregation is a single pass in
/// <see cref="AggregationOrder"/> (children before parents).
/// </summary>
public sealed class Framework
{
    private readonly Dictionary<string, int> _index;

    internal Framework(IReadOnlyList<FrameworkNode> indicators, IReadOnlyList<FrameworkNode> aggregates,
        int[][] children, int[] aggregationOrder, string root)
    {
        Indicators = indicators;
        Aggregates = aggregates;
        Children = children;
        AggregationOrder = aggregationOrder;
        Root = root;
        _index = indicators.Concat(aggregates).Select((n, i) => (n.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
    }

    public IReadOnlyList<FrameworkNode> Indicators { get; }

    /// <summary>Aggregates root first, then level by level in input order (the COINr results layout).</summary>
    public IReadOnlyList<FrameworkNode> Aggregates { get; }

    /// <summary>The code of the top aggregate: the index whose rank is "the" rank.</summary>
    public string Root { get; }

    /// <summary>Children of aggregate a (node numbers), indexed by a − IndicatorCount.</summary>
    internal int[][] Children { get; }

    /// <summary>Aggregate positions (0-based among aggregates) with every child before its parent.</summary>
    internal int[] AggregationOrder { get; }

    public int IndicatorCount => Indicators.Count;

    public FrameworkNode Node(int number) =>
        number < Indicators.Count ? Indicators[number] : Aggregates[number - Indicators.Count];

    public int NodeNumber(string code) =>
        _index.TryGetValue(code, out var i) ? i : throw new KeyNotFoundException($"框架中没有代码为“{code}”的节点。");

    public bool Contains(string code) => _index.ContainsKey(code);

    public int IndicatorNumber(string code)
    {
        var i = NodeNumber(code);
        return i < Indicators.Count ? i : throw new ArgumentException($"“{code}”是汇总项，不是指标。", nameof(code));
    }

    /// <summary>The weight of every node by node number: the starting point for re-weighting.</summary>
    public double[] Weights() => [.. Indicators.Concat(Aggregates).Select(n => n.Weight)];

    /// <summary>A copy with some weights changed (code → weight), for example for a what-if on weights.</summary>
    public Framework WithWeights(IReadOnlyDictionary<string, double> weights)
    {
        var nodes = Indicators.Concat(Aggregates)
            .Select(n => weights.TryGetValue(n.Code, out var w) ? n with { Weight = w } : n)
            .ToList();
        return FrameworkBuilder.Build(nodes).Framework ?? throw new ArgumentException("改变权重后框架无效。", nameof(weights));
    }

    public static FrameworkBuildResult Build(IEnumerable<FrameworkNode> nodes) => FrameworkBuilder.Build([.. nodes]);
}

/// <summary>Either a framework or the problems that prevent one (row = position of the node in the input, 1-based).</summary>
public sealed record FrameworkBuildResult(Framework? Framework, IReadOnlyList<ImportError> Errors);
