namespace Luoshi.Features.Reports;

/// <summary>An evidence file. Uploaded first (unattached), then named by the report that uses it.</summary>
internal sealed class Evidence
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public long? ReportId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string StorageKey { get; set; }
    public int UploadedById { get; set; }
    public DateTime UploadedAt { get; set; }
}
