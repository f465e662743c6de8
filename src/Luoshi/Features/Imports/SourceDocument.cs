namespace Luoshi.Features.Imports;

/// <summary>
/// An uploaded plan or speech, kept as the text that was read from it, so every task made from it
/// can show the sentence it came from, and nobody can say a task was never written down.
/// </summary>
internal sealed class SourceDocument
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public required string FileName { get; set; }
    public required string Text { get; set; }
    public required string Sha256 { get; set; }
    public int UploadedById { get; set; }
    public DateTime UploadedAt { get; set; }

    /// <summary>The plan created from it, once the import is done.</summary>
    public int? PlanId { get; set; }
}
