namespace Luoshi.Benchmarking;

/// <summary>
/// One node of an index framework: an indicator (a leaf with data) or an aggregate (index, dimension,
/// sub-dimension…). The weight is the node's weight inside its parent.
/// </summary>
public sealed record FrameworkNode(
    string Code,
    string? Parent,
    double Weight,
    bool IsIndicator,
    string Name = "",
    int Direction = 1,
    string Unit = "",
    string? Denominator = null,
    double? StandardValue = null);
