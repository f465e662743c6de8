using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Idempotency;

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> e)
    {
        e.Property(r => r.Key).HasMaxLength(IdempotencyMiddleware.MaxKeyLength);
        e.Property(r => r.Fingerprint).HasMaxLength(64);
        e.Property(r => r.ContentType).HasMaxLength(200);
        e.Property(r => r.Location).HasMaxLength(500);
        // The key is the person's own: two people may choose the same one.
        e.HasIndex(r => new { r.UnitId, r.PersonId, r.Key }).IsUnique();
        e.HasIndex(r => r.CreatedAt);
    }
}
