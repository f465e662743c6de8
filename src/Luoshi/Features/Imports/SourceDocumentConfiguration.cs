using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Imports;

internal sealed class SourceDocumentConfiguration : IEntityTypeConfiguration<SourceDocument>
{
    public void Configure(EntityTypeBuilder<SourceDocument> e)
    {
        e.Property(d => d.FileName).HasMaxLength(255);
        e.Property(d => d.Sha256).HasMaxLength(64);
        e.HasIndex(d => new { d.UnitId, d.UploadedAt });
        e.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
