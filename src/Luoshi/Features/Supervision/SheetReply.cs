using Luoshi.Features.Organisation;
using Luoshi.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Supervision;

internal enum ReplyStatus
{
    Pending = 0,
    Accepted = 1,
    Returned = 2,
}

/// <summary>反馈: the lead section's answer to a 督办单, with evidence; the office accepts it (the
/// sheet is 办结) or sends it back with a reason (the section answers again, in a new reply).</summary>
internal sealed class SheetReply
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public long StepId { get; set; }
    public int TaskId { get; set; }
    public int AuthorId { get; set; }
    public required string Text { get; set; }
    public DateTime SubmittedAt { get; set; }
    public ReplyStatus Status { get; set; }
    public int? DecidedById { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    public List<Evidence> Evidence { get; set; } = [];
}

internal sealed class SheetReplyConfiguration : IEntityTypeConfiguration<SheetReply>
{
    public void Configure(EntityTypeBuilder<SheetReply> e)
    {
        e.Property(r => r.Text).HasMaxLength(SupervisionOptions.MaxText);
        e.Property(r => r.DecisionNote).HasMaxLength(SupervisionOptions.MaxText);
        e.HasIndex(r => new { r.UnitId, r.StepId });
        // The office's queue: pending replies of the unit, oldest first.
        e.HasIndex(r => new { r.UnitId, r.Status, r.SubmittedAt });
        // One reply waits per sheet: a second one (a double click, two of the section at once) is refused.
        e.HasIndex(r => new { r.UnitId, r.StepId }, "IX_SheetReplies_OnePending").IsUnique().HasFilter("\"Status\" = 0");
        e.Property(r => r.Status).IsConcurrencyToken();
        e.HasOne<EscalationStep>().WithMany().HasForeignKey(r => r.StepId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(r => r.Evidence).WithOne().HasForeignKey(v => v.ReplyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class ReplyStatusNames
{
    public static string Chinese(this ReplyStatus status) => status switch
    {
        ReplyStatus.Accepted => "已认可",
        ReplyStatus.Returned => "已退回",
        _ => "待审核",
    };
}
