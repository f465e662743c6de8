namespace Luoshi.Features.Reviews;

internal enum ReviewFileKind
{
    Workbook = 0,
    Bulletin = 1,
}

/// <summary>A review generated on schedule (the month's or quarter's workbook and bulletin), kept so
/// that what was circulated can be downloaded again as it was.</summary>
internal sealed class ReviewFile
{
    public long Id { get; set; }
    public int UnitId { get; set; }

    /// <summary>The period as <see cref="ReviewPeriod.Parse"/> reads it: 2026-10 or 2026-Q3.</summary>
    public required string Period { get; set; }

    public ReviewFileKind Kind { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public DateTime CreatedAt { get; set; }
}
