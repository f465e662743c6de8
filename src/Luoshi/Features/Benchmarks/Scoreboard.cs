namespace Luoshi.Features.Benchmarks;

/// <summary>
/// A benchmarking set (对标): an indicator framework, the units compared (this city, its peers, the
/// province…), their values over years, which unit is "us" and which is the benchmark (标杆).
/// </summary>
internal sealed class Scoreboard
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public required string Name { get; set; }
    public required string OwnCode { get; set; }
    public required string BenchmarkCode { get; set; }
    public int CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>True while its rows are being written in batches; hidden from every query until then.</summary>
    public bool Importing { get; set; }
}

/// <summary>One node of the framework: an indicator or an aggregate, with its weight in its parent.</summary>
internal sealed class ScoreboardNode
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int ScoreboardId { get; set; }
    public required string Code { get; set; }
    public string? Parent { get; set; }
    public string Name { get; set; } = "";
    public double Weight { get; set; }
    public bool IsIndicator { get; set; }
    public int Direction { get; set; } = 1;
    public string MeasureUnit { get; set; } = "";
    public string? Denominator { get; set; }
    public double? StandardValue { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A unit compared: a city, the province, the nation.</summary>
internal sealed class ScoreboardUnit
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int ScoreboardId { get; set; }
    public required string Code { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Text attributes such as a group for group-mean imputation, as "key=value" lines.</summary>
    public string? Attributes { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>One value, with where it came from and who entered it. A missing value has no row.</summary>
internal sealed class ScoreboardValue
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int ScoreboardId { get; set; }
    public required string UnitCode { get; set; }
    public required string Variable { get; set; }
    public int Year { get; set; }
    public double Value { get; set; }
    public string? Source { get; set; }
    public int EnteredById { get; set; }
    public DateTime EnteredAt { get; set; }
}

/// <summary>A task made from a gap on an indicator: the indicator lists its tasks and their lights.</summary>
internal sealed class IndicatorTask
{
    public int UnitId { get; set; }
    public int ScoreboardId { get; set; }
    public required string Indicator { get; set; }
    public int TaskId { get; set; }
}
