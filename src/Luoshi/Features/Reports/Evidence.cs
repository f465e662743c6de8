namespace Luoshi.Features.Reports;

/// <summary>An evidence file. Uploaded first (unattached), then named by the report (or sheet reply) that uses it.</summary>
internal sealed class Evidence
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public long? ReportId { get; set; }

    /// <summary>Or the 督办单 reply (反馈) that uses it; a file goes to one report or one reply.</summary>
    public long? ReplyId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string StorageKey { get; set; }
    public int UploadedById { get; set; }
    public DateTime UploadedAt { get; set; }
}
