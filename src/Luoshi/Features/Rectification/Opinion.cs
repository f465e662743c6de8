using Luoshi.Features.Organisation;
using Luoshi.Features.PublicForms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Rectification;

/// <summary>Where an opinion came from.</summary>
internal enum OpinionSource
{
    /// <summary>座谈会 / 会议.</summary>
    Meeting = 0,

    /// <summary>问卷 / 征求意见表.</summary>
    Survey = 1,

    /// <summary>网上意见箱 (the public form).</summary>
    OnlineBox = 2,
}

/// <summary>An opinion or suggestion (意见建议), kept as the plain text it was given in.</summary>
internal sealed class Opinion
{
    public int Id { get; set; }
    public int UnitId { get; set; }

    /// <summary>The receipt number the submitter was given (回执号).</summary>
    public required string Receipt { get; set; }

    public OpinionSource Source { get; set; }
    public required string Content { get; set; }
    public string? SubmitterName { get; set; }
    public string? Contact { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// <summary>Who typed it in (staff entry); null for the online box.</summary>
    public int? EnteredById { get; set; }

    /// <summary>The problem it was merged into, once the office has done so.</summary>
    public int? ProblemId { get; set; }
}

internal static class OpinionSources
{
    public static string Chinese(this OpinionSource source) => source switch
    {
        OpinionSource.Meeting => "座谈会",
        OpinionSource.Survey => "征求意见表",
        _ => "网上意见箱",
    };
}

internal sealed class OpinionConfiguration : IEntityTypeConfiguration<Opinion>
{
    public void Configure(EntityTypeBuilder<Opinion> e)
    {
        e.Property(o => o.Receipt).HasMaxLength(30);
        e.Property(o => o.Content).HasMaxLength(PublicLimits.Content);
        e.Property(o => o.SubmitterName).HasMaxLength(PublicLimits.Name);
        e.Property(o => o.Contact).HasMaxLength(PublicLimits.Contact);
        e.HasIndex(o => new { o.UnitId, o.Receipt }).IsUnique();
        e.HasIndex(o => new { o.UnitId, o.ProblemId });
        e.HasOne<Unit>().WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Problem>().WithMany().HasForeignKey(o => o.ProblemId).OnDelete(DeleteBehavior.Restrict);
    }
}
