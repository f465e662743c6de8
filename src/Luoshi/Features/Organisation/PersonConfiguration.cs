using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Organisation;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.Property(p => p.Name).HasMaxLength(50);
        e.Property(p => p.Position).HasMaxLength(50);
        e.Property(p => p.Email).HasMaxLength(200);
        e.Property(p => p.Phone).HasMaxLength(50);
        e.HasIndex(p => new { p.UnitId, p.SectionId });
        e.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.Section).WithMany().HasForeignKey(p => p.SectionId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(p => p.Charges).WithOne().HasForeignKey(c => c.LeaderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LeaderChargeConfiguration : IEntityTypeConfiguration<LeaderCharge>
{
    public void Configure(EntityTypeBuilder<LeaderCharge> e)
    {
        e.HasKey(c => new { c.UnitId, c.LeaderId, c.SectionId });
        e.HasOne<Section>().WithMany().HasForeignKey(c => c.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
