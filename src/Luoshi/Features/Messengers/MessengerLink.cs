using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Messengers;

/// <summary>A person of the unit and his account in the unit's DingTalk or WeCom (its userid): written
/// by the address-book sync, read by 免登 and by work notices. One userid per person and messenger,
/// one person per userid.</summary>
internal sealed class MessengerLink
{
    public int UnitId { get; set; }
    public MessengerKind Kind { get; set; }
    public required string UserId { get; set; }
    public int PersonId { get; set; }
    public DateTime LinkedAt { get; set; }
}

internal sealed class MessengerLinkConfiguration : IEntityTypeConfiguration<MessengerLink>
{
    public void Configure(EntityTypeBuilder<MessengerLink> e)
    {
        e.ToTable("MessengerLinks");
        e.HasKey(l => new { l.UnitId, l.Kind, l.UserId });
        e.Property(l => l.UserId).HasMaxLength(64);
        e.HasIndex(l => new { l.UnitId, l.Kind, l.PersonId }).IsUnique();
        e.HasOne<Person>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
