using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Lights;

internal sealed class SectionLightCountConfiguration : IEntityTypeConfiguration<SectionLightCount>
{
    public void Configure(EntityTypeBuilder<SectionLightCount> e)
    {
        e.HasKey(c => new { c.UnitId, c.SectionId, c.Light });
        e.ToTable("SectionLightCounts");
    }
}
