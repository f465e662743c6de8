namespace Luoshi.Benchmarking;

public enum Stage
{
    Raw,
    Denominated,
    Imputed,
    Treated,
    Normalised,
}

/// <summary>
/// Every intermediate data set of one computation (as COINr keeps them) plus aggregate scores and ranks.
/// Matrices are column-major: [indicator][unit] and [aggregate][unit], in framework order.
/// </summary>
public sealed class IndexResult
{
    private readonly double[][][] _stages;
    private readonly int?[][] _ranks;

    internal IndexResult(Framework framework, DataSet data, IndexOptions options, int year, double[][][] stages, double[][] scores, IReadOnlyList<TreatmentReport> treatment)
    {
        Framework = framework;
        Data = data;
        Options = options;
        Year = year;
        _stages = stages;
        Scores = scores;
        Treatment = treatment;
        _ranks = [.. scores.Select(Ranking.Ranks)];
    }

    public Framework Framework { get; }

    public DataSet Data { get; }

    public IndexOptions Options { get; }

    public int Year { get; }

    public IReadOnlyList<UnitInfo> Units => Data.Units;

    public IReadOnlyList<TreatmentReport> Treatment { get; }

    internal double[][] Scores { get; }

    internal double[][] Stage(Stage stage) => _stages[(int)stage];

    public double Value(Stage stage, string unit, string indicator) =>
        _stages[(int)stage][Framework.IndicatorNumber(indicator)][Data.UnitIndex(unit)];

    /// <summary>An aggregate's score, or an indicator's normalised value.</summary>
    public double Score(string unit, string code)
    {
        var n = Framework.NodeNumber(code);
        var m = Framework.IndicatorCount;
        return n < m ? _stages[(int)Benchmarking.Stage.Normalised][n][Data.UnitIndex(unit)] : Scores[n - m][Data.UnitIndex(unit)];
    }

    /// <summary>The unit's rank on an aggregate (1 = best), null when its score is missing.</summary>
    public int? Rank(string unit, string aggregate) =>
        _ranks[Framework.NodeNumber(aggregate) - Framework.IndicatorCount][Data.UnitIndex(unit)];

    public double IndexScore(string unit) => Score(unit, Framework.Root);

    public int? IndexRank(string unit) => Rank(unit, Framework.Root);

    /// <summary>The COINr results table: one row per unit, best first, with every aggregate's score.</summary>
    public IReadOnlyList<ResultRow> Table()
    {
        var root = Framework.NodeNumber(Framework.Root) - Framework.IndicatorCount;
        return [.. Units.Select((unit, u) => new ResultRow(unit.Code, _ranks[root][u], [.. Scores.Select(s => s[u])]))
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Unit, StringComparer.Ordinal)];
    }
}

/// <summary>One row of the results table: scores in the order of <see cref="Framework.Aggregates"/> (root first).</summary>
public sealed record ResultRow(string Unit, int? Rank, IReadOnlyList<double> Scores);
