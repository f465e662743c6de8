
namespace Luoshi.Features.Idempotency;

/// <summary>
/// One use of an <c>Idempotency-Key</c> by one person: the request's fingerprint, and once it is
/// answered, the answer, which a repeat of the request gets again instead of a second action.
/// Kept for <see cref="IdempotencyCleanup.Lifetime"/>.
/// </summary>
internal sealed class IdempotentRequest
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int PersonId { get; set; }
    public required string Key { get; set; }

    /// <summary>SHA-256 of the method, path and body: the same key with another request is refused.</summary>
    public required string Fingerprint { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The request's writes are committed (set in their transaction by <see cref="IdempotencyMark"/>):
    /// the key is never freed for a second run, even when the answer was lost.</summary>
    public bool Acted { get; set; }

    /// <summary>Null while the first request is still being handled.</summary>
    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }
}
