using Microsoft.EntityFrameworkCore;

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

    /// <summary>Null while the first request is still being handled.</summary>
    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }

    public static void Configure(ModelBuilder builder) => builder.Entity<IdempotentRequest>(e =>
    {
        e.Property(r => r.Key).HasMaxLength(IdempotencyMiddleware.MaxKeyLength);
        e.Property(r => r.Fingerprint).HasMaxLength(64);
        e.Property(r => r.ContentType).HasMaxLength(200);
        e.Property(r => r.Location).HasMaxLength(500);
        // The key is the person's own: two people may choose the same one.
        e.HasIndex(r => new { r.UnitId, r.PersonId, r.Key }).IsUnique();
        e.HasIndex(r => r.CreatedAt);
    });
}
