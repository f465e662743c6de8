using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Notices.Arrival;

/// <summary>How a person wants a kind of notice by email; without a row, at once.</summary>
internal enum EmailMode
{
    Immediate = 0,
    Digest = 1,
    Off = 2,
}

/// <summary>A person's choice for one kind (each kind of a category gets the same row). The inbox
/// always has every notice; the choice is only about email.</summary>
internal sealed class NoticeChoice
{
    public int UnitId { get; set; }
    public int PersonId { get; set; }
    public NoticeKind Kind { get; set; }
    public EmailMode Email { get; set; }
}

/// <summary>A kind the unit requires on every channel at once: nobody can turn it off or into the digest.</summary>
internal sealed class NoticeRequirement
{
    public int UnitId { get; set; }
    public NoticeKind Kind { get; set; }
}

/// <summary>A person's daily digest, once per day (the key is the guard of a second instance or a re-run).</summary>
internal sealed class NoticeDigestRun
{
    public int UnitId { get; set; }
    public int PersonId { get; set; }
    public DateOnly Day { get; set; }
    public long NoticeId { get; set; }
    public Notice? Notice { get; set; }
    public DateTime At { get; set; }
}

internal sealed class NoticeChoiceConfiguration : IEntityTypeConfiguration<NoticeChoice>
{
    public void Configure(EntityTypeBuilder<NoticeChoice> e)
    {
        e.HasKey(c => new { c.UnitId, c.PersonId, c.Kind });
        e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoticeRequirementConfiguration : IEntityTypeConfiguration<NoticeRequirement>
{
    public void Configure(EntityTypeBuilder<NoticeRequirement> e)
    {
        e.HasKey(r => new { r.UnitId, r.Kind });
        e.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoticeDigestRunConfiguration : IEntityTypeConfiguration<NoticeDigestRun>
{
    public void Configure(EntityTypeBuilder<NoticeDigestRun> e)
    {
        e.HasKey(r => new { r.UnitId, r.PersonId, r.Day });
        e.HasOne(r => r.Notice).WithMany().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
