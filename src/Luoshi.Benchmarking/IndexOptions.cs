namespace Luoshi.Benchmarking;

/// <summary>
/// The choices of one index computation; each step is optional. Defaults: no denomination, no
/// imputation, no treatment, min–max 0–100, weighted arithmetic mean, latest year.
/// </summary>
public sealed record IndexOptions
{
    public bool Denominate { get; init; }

    public Imputation Imputation { get; init; } = Imputation.None;

    /// <summary>The unit attribute (e.g. EurAsia_group) whose groups give the means; may be omitted when units have one attribute.</summary>
    public string? ImputationGroup { get; init; }

    /// <summary>Null = no outlier treatment.</summary>
    public TreatmentOptions? Treatment { get; init; }

    public Normalisation Normalisation { get; init; } = Normalisation.MinMax();

    public AggregationMethod Aggregation { get; init; } = AggregationMethod.ArithmeticMean;

    /// <summary>An aggregate is missing when the share of its children with data is below this (0 = never).</summary>
    public double MinDataShare { get; init; }

    /// <summary>The year to score; null = the latest year in the data.</summary>
    public int? Year { get; init; }
}
