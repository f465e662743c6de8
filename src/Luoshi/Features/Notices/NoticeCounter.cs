using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Notices;

/// <summary>
/// How many of a person's notices of one kind are unread, kept with the notices (<see cref="NoticeCounts"/>):
/// the header's badge on every page reads these few rows by key instead of counting a backlog that
/// can reach a hundred thousand notices after a bureau's first escalation run.
/// </summary>
internal sealed class NoticeCounter
{
    public int UnitId { get; set; }
    public int PersonId { get; set; }
    public NoticeKind Kind { get; set; }
    public int Unread { get; set; }
}

internal sealed class NoticeCounterConfiguration : IEntityTypeConfiguration<NoticeCounter>
{
    public void Configure(EntityTypeBuilder<NoticeCounter> e)
    {
        e.ToTable("NoticeCounters");
        e.HasKey(c => new { c.UnitId, c.PersonId, c.Kind });
        // A person who goes takes his notices with him (cascade), and so his counts.
        e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
