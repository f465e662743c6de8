using Luoshi.Features.PublicForms;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Appeals;

/// <summary>An appeal's own fields (诉求); the work item itself is a <see cref="WorkTask"/> of
/// kind Appeal whose due date is the response deadline.</summary>
internal sealed class AppealDetails
{
    public int TaskId { get; set; }
    public int UnitId { get; set; }

    /// <summary>The receipt number (回执号) the submitter checks the status with.</summary>
    public required string Receipt { get; set; }

    /// <summary>SHA-256 of the secret query code; null when entered by staff.</summary>
    public string? SecretHash { get; set; }

    public required string Category { get; set; }
    public required string Content { get; set; }
    public string? SubmitterName { get; set; }
    public string? Contact { get; set; }
    public bool Online { get; set; }
    public DateOnly ReceivedOn { get; set; }

    /// <summary>The first response deadline: statistics judge "on time" against it.</summary>
    public DateOnly FirstDueDate { get; set; }

    public DateOnly? FirstRepliedOn { get; set; }
    public string? ReplyText { get; set; }
    public DateOnly? RepliedOn { get; set; }
    public int ReopenCount { get; set; }
}

/// <summary>One follow-up call (回访) after a reply.</summary>
internal sealed class AppealFollowUp
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public DateOnly On { get; set; }
    public required string Satisfaction { get; set; }
    public string? Note { get; set; }
    public int ById { get; set; }
}

internal static class Satisfaction
{
    public const string Satisfied = "满意";
    public const string Basically = "基本满意";
    public const string Dissatisfied = "不满意";

    public static readonly IReadOnlyList<string> Scale = [Satisfied, Basically, Dissatisfied];
}

internal sealed class AppealDetailsConfiguration : IEntityTypeConfiguration<AppealDetails>
{
    public void Configure(EntityTypeBuilder<AppealDetails> e)
    {
        e.HasKey(a => a.TaskId);
        e.Property(a => a.Receipt).HasMaxLength(30);
        e.Property(a => a.SecretHash).HasMaxLength(64);
        e.Property(a => a.Category).HasMaxLength(50);
        e.Property(a => a.Content).HasMaxLength(PublicLimits.Content);
        e.Property(a => a.SubmitterName).HasMaxLength(PublicLimits.Name);
        e.Property(a => a.Contact).HasMaxLength(PublicLimits.Contact);
        e.Property(a => a.ReplyText).HasMaxLength(4000);
        e.HasIndex(a => new { a.UnitId, a.Receipt }).IsUnique();
        e.HasIndex(a => new { a.UnitId, a.ReceivedOn });
        e.HasOne<WorkTask>().WithOne().HasForeignKey<AppealDetails>(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppealFollowUpConfiguration : IEntityTypeConfiguration<AppealFollowUp>
{
    public void Configure(EntityTypeBuilder<AppealFollowUp> e)
    {
        e.Property(f => f.Satisfaction).HasMaxLength(10);
        e.Property(f => f.Note).HasMaxLength(1000);
        e.HasIndex(f => new { f.UnitId, f.TaskId });
        e.HasOne<WorkTask>().WithMany().HasForeignKey(f => f.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The categories an appeal is filed under, on the public form and the office's.</summary>
internal static class AppealCategories
{
    public static readonly IReadOnlyList<string> All = ["项目申报", "成果转化", "人才服务", "科研经费", "知识产权", "其他"];
}
