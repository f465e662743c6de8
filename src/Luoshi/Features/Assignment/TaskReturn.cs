using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Assignment;

internal enum TaskReturnStatus
{
    Pending = 0,

    /// <summary>改派: the office gave the task to another section or person.</summary>
    Reassigned = 1,

    /// <summary>坚持: the office keeps the assignment; the section signs.</summary>
    Kept = 2,
}

/// <summary>
/// 退办: the lead section's head sends a task back as not the section's own, with a reason, within
/// the plan's window after 交办 and before signing. The office decides once: 改派 or 坚持. One per
/// assignment (task, section, day assigned): after 坚持 the section cannot return it again.
/// </summary>
internal sealed class TaskReturn
{
    public const int MaxText = 1000;

    public int Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public int SectionId { get; set; }
    public DateOnly AssignedOn { get; set; }
    public int RequestedById { get; set; }
    public DateTime RequestedAt { get; set; }
    public required string Reason { get; set; }
    public TaskReturnStatus Status { get; set; }
    public int? DecidedById { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}

internal sealed class TaskReturnConfiguration : IEntityTypeConfiguration<TaskReturn>
{
    public void Configure(EntityTypeBuilder<TaskReturn> e)
    {
        e.Property(r => r.Reason).HasMaxLength(TaskReturn.MaxText);
        e.Property(r => r.DecisionNote).HasMaxLength(TaskReturn.MaxText);
        // Once per assignment, whatever the code above it does.
        e.HasIndex(r => new { r.UnitId, r.TaskId, r.SectionId, r.AssignedOn }).IsUnique();
        e.HasIndex(r => new { r.UnitId, r.Status, r.RequestedAt });
        // A decision is saved only while the return is still pending (UPDATE … WHERE "Status" = 0).
        e.Property(r => r.Status).IsConcurrencyToken();
        e.HasOne<WorkTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class TaskReturnStatusNames
{
    public static string Chinese(this TaskReturnStatus status) => status switch
    {
        TaskReturnStatus.Reassigned => "已改派",
        TaskReturnStatus.Kept => "办公室坚持原交办",
        _ => "待办公室处理",
    };
}
