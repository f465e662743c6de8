using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Record;

/// <summary>
/// A unit's SM2 key pair (国密), made the first time the unit signs: its sealed chain heads
/// (<see cref="RecordSeal"/>) and its issued 督查通报. The private key is stored encrypted by
/// <see cref="Data.SecretBox"/>, so a copy of the database cannot sign; the public key is shown on the
/// 留痕 page to be written down, and <c>verify</c> checks every signature with it.
/// </summary>
internal sealed class UnitSigningKey
{
    public int UnitId { get; set; }

    /// <summary>The public point 04‖x‖y on sm2p256v1, in hex.</summary>
    public required string PublicKey { get; set; }

    /// <summary>The private key d in hex, as sealed by the secret box.</summary>
    public required string PrivateKey { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>What to write down and compare: the start of the public key's SM3, in groups of four.</summary>
    public static string Fingerprint(string publicKey) =>
        string.Join(' ', Crypto.Sm3.Hex(publicKey)[..32].Chunk(4).Select(c => new string(c)));
}

internal sealed class UnitSigningKeyConfiguration : IEntityTypeConfiguration<UnitSigningKey>
{
    public void Configure(EntityTypeBuilder<UnitSigningKey> e)
    {
        e.HasKey(k => k.UnitId);
        e.Property(k => k.UnitId).ValueGeneratedNever();
        e.Property(k => k.PublicKey).HasMaxLength(130);
        e.Property(k => k.PrivateKey).HasMaxLength(400);
        e.HasOne<Unit>().WithMany().HasForeignKey(k => k.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
