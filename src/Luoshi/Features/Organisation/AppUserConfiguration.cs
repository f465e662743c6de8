using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Organisation;

/// <summary>Identity's own columns come from <c>IdentityUserContext</c>; this adds the link to the person.</summary>
internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.HasIndex(u => u.PersonId).IsUnique();
        e.Property(u => u.DirectoryDn).HasMaxLength(500);
        e.HasOne<Person>().WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
