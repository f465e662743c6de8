using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Reviews;

internal sealed class ReviewFileConfiguration : IEntityTypeConfiguration<ReviewFile>
{
    public void Configure(EntityTypeBuilder<ReviewFile> e)
    {
        e.Property(f => f.Period).HasMaxLength(20);
        e.Property(f => f.FileName).HasMaxLength(200);
        e.HasIndex(f => new { f.UnitId, f.Period, f.Kind }).IsUnique();
    }
}
