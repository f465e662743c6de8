using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Messengers;

/// <summary>A 免登 state issued by the start step and not yet used (<see cref="SignOnState"/>). Stored
/// by its hash: the state itself travels in URLs through the messenger, the row only has to recognise it.
/// Not a unit's row: the browser is anonymous when it starts.</summary>
internal sealed class SignOnNonce
{
    /// <summary>SHA-256 of the state, lower-case hex.</summary>
    public required string Hash { get; set; }
    public MessengerKind Kind { get; set; }
    public DateTime ExpiresAt { get; set; }
}

internal sealed class SignOnNonceConfiguration : IEntityTypeConfiguration<SignOnNonce>
{
    public void Configure(EntityTypeBuilder<SignOnNonce> e)
    {
        e.ToTable("SignOnNonces");
        e.HasKey(n => n.Hash);
        e.Property(n => n.Hash).HasMaxLength(64);
        // Expired ones are removed by range at each start.
        e.HasIndex(n => n.ExpiresAt);
    }
}
