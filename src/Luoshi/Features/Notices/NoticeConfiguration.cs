using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Notices;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> e)
    {
        e.Property(n => n.Title).HasMaxLength(600);
        e.Property(n => n.Body).HasMaxLength(4000);
        e.Property(n => n.Link).HasMaxLength(1000);
        // The inbox, newest first, a page at a time by cursor: all of a person's notices, those of some
        // kinds, and the unread ones (small, and what read-all and the count check go through).
        e.HasIndex(n => new { n.UnitId, n.RecipientId, n.Id }, "IX_Notices_Inbox");
        e.HasIndex(n => new { n.UnitId, n.RecipientId, n.Kind, n.Id }, "IX_Notices_InboxByKind");
        e.HasIndex(n => new { n.UnitId, n.RecipientId, n.Id }, "IX_Notices_Unread").HasFilter("\"ReadAt\" IS NULL");
        // 消息必达's poll: the unread, not yet re-sent notices of a unit by kind and age.
        e.HasIndex(n => new { n.UnitId, n.Kind, n.CreatedAt }, "IX_Notices_MustArrive").HasFilter("\"ReadAt\" IS NULL AND \"ResentAt\" IS NULL");
        e.HasOne<Person>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoticeDeliveryConfiguration : IEntityTypeConfiguration<NoticeDelivery>
{
    public void Configure(EntityTypeBuilder<NoticeDelivery> e)
    {
        e.Property(d => d.Channel).HasMaxLength(20);
        e.Property(d => d.Target).HasMaxLength(300);
        e.Property(d => d.LastError).HasMaxLength(1000);
        e.Property(d => d.ReadToken).HasMaxLength(40);
        // The tracked link finds its delivery by token alone.
        e.HasIndex(d => d.ReadToken).IsUnique().HasFilter("\"ReadToken\" IS NOT NULL");
        // What the sender polls: pending rows whose time has come.
        e.HasIndex(d => new { d.Status, d.NextAttemptAt });
        e.HasIndex(d => new { d.UnitId, d.Status, d.Channel });
        e.HasOne(d => d.Notice).WithMany().HasForeignKey(d => d.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}
