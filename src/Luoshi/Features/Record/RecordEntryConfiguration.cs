using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Record;

internal sealed class RecordEntryConfiguration : IEntityTypeConfiguration<RecordEntry>
{
    public void Configure(EntityTypeBuilder<RecordEntry> e)
    {
        e.Property(r => r.Kind).HasMaxLength(40);
        e.Property(r => r.EntityKey).HasMaxLength(100);
        e.Property(r => r.ContentHash).HasMaxLength(64);
        e.Property(r => r.PreviousHash).HasMaxLength(64);
        e.Property(r => r.Hash).HasMaxLength(64);
        e.Ignore(r => r.Source);
        e.HasIndex(r => new { r.UnitId, r.Seq }).IsUnique();
        // The sealer looks for unsealed entries every few seconds: an index of those alone.
        e.HasIndex(r => r.UnitId, "IX_RecordEntries_Unsealed").HasFilter("\"Seq\" IS NULL");
        e.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RecordHeadConfiguration : IEntityTypeConfiguration<RecordHead>
{
    public void Configure(EntityTypeBuilder<RecordHead> e)
    {
        e.HasKey(h => h.UnitId);
        e.Property(h => h.UnitId).ValueGeneratedNever();
        e.Property(h => h.Hash).HasMaxLength(64);
        e.HasOne<Unit>().WithMany().HasForeignKey(h => h.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
