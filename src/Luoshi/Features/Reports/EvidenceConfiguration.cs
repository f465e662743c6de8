using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Reports;

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> e)
    {
        e.Property(v => v.FileName).HasMaxLength(255);
        e.Property(v => v.ContentType).HasMaxLength(100);
        e.Property(v => v.Sha256).HasMaxLength(64);
        e.Property(v => v.StorageKey).HasMaxLength(200);
        e.HasIndex(v => new { v.UnitId, v.ReportId });
        // Attaching says "WHERE ReportId IS NULL": a file goes to one report, never moves to a second.
        e.Property(v => v.ReportId).IsConcurrencyToken();
        e.Property(v => v.ReplyId).IsConcurrencyToken();
    }
}
