using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Record;

/// <summary>
/// The chain end as one sealing left it, signed with the unit's SM2 key (国密 on). Written in the
/// sealer's transaction, so every seal of a 国密 deployment has one. Unlike the head, which moves, these
/// stay: each signed hash must still be in the chain, and nobody without the private key can sign a
/// rewritten chain, so an edit that recomputes every hash still fails <c>verify</c>.
/// </summary>
internal sealed class RecordSeal
{
    public int UnitId { get; set; }
    public long Seq { get; set; }
    public required string Hash { get; set; }

    /// <summary>SM2 r‖s in hex over <see cref="Message"/>.</summary>
    public required string Signature { get; set; }

    public DateTime SignedAt { get; set; }

    /// <summary>What is signed: names the record and the unit, so the signature means nothing elsewhere.</summary>
    public static byte[] Message(int unitId, long seq, string hash) =>
        System.Text.Encoding.UTF8.GetBytes(FormattableString.Invariant($"luoshi-record-head\n{unitId}\n{seq}\n{hash}"));
}

internal sealed class RecordSealConfiguration : IEntityTypeConfiguration<RecordSeal>
{
    public void Configure(EntityTypeBuilder<RecordSeal> e)
    {
        e.HasKey(s => new { s.UnitId, s.Seq });
        e.Property(s => s.Hash).HasMaxLength(64);
        e.Property(s => s.Signature).HasMaxLength(128);
        e.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
