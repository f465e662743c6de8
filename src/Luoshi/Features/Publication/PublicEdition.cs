using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Publication;

/// <summary>
/// A dated edition of the public commitments (第N期), as the office reviewed and published it. Its
/// items are copies, so a later change of a task shows only in the next edition; editions are never
/// changed nor deleted, and each is in the tamper-evident record.
/// </summary>
internal sealed class PublicEdition
{
    public int Id { get; set; }
    public int UnitId { get; set; }

    /// <summary>1, 2, 3 … within the unit: the edition's number in its address.</summary>
    public int Number { get; set; }

    /// <summary>The bureau's date of publication: the "as of" the public reads.</summary>
    public DateOnly PublishedOn { get; set; }

    public DateTime PublishedAt { get; set; }
    public int PublishedById { get; set; }

    /// <summary>A line for the public about this edition (e.g. 5月对照盘点后更新).</summary>
    public string? Note { get; set; }

    public List<PublicEditionItem> Items { get; set; } = [];
}

/// <summary>One commitment as it stood when its edition was published.</summary>
internal sealed class PublicEditionItem
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int EditionId { get; set; }

    /// <summary>The task it was copied from; no key to it, so the copy outlives any change of the task.</summary>
    public int TaskId { get; set; }

    public int SortOrder { get; set; }
    public required string PlanTitle { get; set; }
    public required string Area { get; set; }
    public required string Title { get; set; }
    public required string Narrative { get; set; }
    public int ProgressPercent { get; set; }
    public PublicStatus Status { get; set; }
    public DateOnly DueDate { get; set; }
    public DateOnly? CompletedOn { get; set; }

    /// <summary>Only when the office chose to publish them; null otherwise.</summary>
    public string? LeadSection { get; set; }

    public string? Responsible { get; set; }
    public string? Problems { get; set; }
}

internal sealed class PublicEditionConfiguration : IEntityTypeConfiguration<PublicEdition>
{
    public void Configure(EntityTypeBuilder<PublicEdition> e)
    {
        // One edition per number: two offices pressing 发布 at once make one 第N期, not two.
        e.HasIndex(x => new { x.UnitId, x.Number }).IsUnique();
        e.Property(x => x.Note).HasMaxLength(PublicLimits.Note);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PublishedById).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.EditionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PublicEditionItemConfiguration : IEntityTypeConfiguration<PublicEditionItem>
{
    public void Configure(EntityTypeBuilder<PublicEditionItem> e)
    {
        e.HasIndex(i => new { i.UnitId, i.EditionId, i.SortOrder });
        e.Property(i => i.PlanTitle).HasMaxLength(300);
        e.Property(i => i.Area).HasMaxLength(PublicLimits.Area);
        e.Property(i => i.Title).HasMaxLength(500);
        e.Property(i => i.Narrative).HasMaxLength(PublicLimits.Narrative);
        e.Property(i => i.LeadSection).HasMaxLength(100);
        e.Property(i => i.Responsible).HasMaxLength(100);
    }
}
