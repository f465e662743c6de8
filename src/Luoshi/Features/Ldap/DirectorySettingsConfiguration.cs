using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Ldap;

internal sealed class DirectorySettingsConfiguration : IEntityTypeConfiguration<DirectorySettings>
{
    public void Configure(EntityTypeBuilder<DirectorySettings> e)
    {
        e.ToTable("DirectorySettings");
        e.HasKey(s => s.UnitId);
        e.Property(s => s.ServerUrl).HasMaxLength(200);
        e.Property(s => s.BindDn).HasMaxLength(300);
        e.Property(s => s.ProtectedBindPassword).HasMaxLength(2000);
        e.Property(s => s.BaseDn).HasMaxLength(300);
        e.Property(s => s.UserFilter).HasMaxLength(500);
        e.Property(s => s.UidAttribute).HasMaxLength(50);
        e.Property(s => s.NameAttribute).HasMaxLength(50);
        e.Property(s => s.EmailAttribute).HasMaxLength(50);
        e.Property(s => s.PhoneAttribute).HasMaxLength(50);
        e.Property(s => s.PositionAttribute).HasMaxLength(50);
        e.Property(s => s.GroupAttribute).HasMaxLength(50);
        e.Property(s => s.SectionRules).HasMaxLength(4000);
        e.HasOne<Unit>().WithOne().HasForeignKey<DirectorySettings>(s => s.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
