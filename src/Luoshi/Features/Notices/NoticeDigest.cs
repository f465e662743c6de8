using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Notices;

/// <summary>
/// One task listed in a digest notice: when a run raises several notices of one kind for one person,
/// they become one notice (【催办】3 项任务…) whose body lists them, and these rows keep each task (and
/// the step that raised it) linked to the notice, as the notice's own TaskId/StepId do for a single one.
/// </summary>
internal sealed class NoticeDigestItem
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public long NoticeId { get; set; }
    public int TaskId { get; set; }

    /// <summary>The step that raised the line (Supervision links it; the inbox keeps only the id).</summary>
    public long? StepId { get; set; }

    /// <summary>The line as listed in the body, so that a page can show it with its link.</summary>
    public required string Line { get; set; }
}

internal sealed class NoticeDigestItemConfiguration : IEntityTypeConfiguration<NoticeDigestItem>
{
    public void Configure(EntityTypeBuilder<NoticeDigestItem> e)
    {
        e.Property(x => x.Line).HasMaxLength(500);
        e.HasIndex(x => new { x.UnitId, x.NoticeId });
        e.HasOne<Notice>().WithMany().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}
