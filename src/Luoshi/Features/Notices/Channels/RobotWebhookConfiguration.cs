using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Notices.Channels;

internal sealed class RobotWebhookConfiguration : IEntityTypeConfiguration<RobotWebhook>
{
    public void Configure(EntityTypeBuilder<RobotWebhook> e)
    {
        e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Name).HasMaxLength(50);
        // Stored protected (RobotSecrets): longer than what was typed.
        e.Property(r => r.Url).HasMaxLength(1500);
        e.Property(r => r.Secret).HasMaxLength(500);
        e.Property(r => r.UrlKey).HasMaxLength(64);
        // The same robot twice would post every notice twice to the group.
        e.HasIndex(r => new { r.UnitId, r.UrlKey }).IsUnique();
        e.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
