using Luoshi.Features.Organisation;
using Luoshi.Features.Supervision;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Instructions;

/// <summary>领导批示: a leader's written instruction on a task (or on one of its 督办单), which the
/// lead section acknowledges (签阅) once.</summary>
internal sealed class Instruction
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public long? StepId { get; set; }
    public int LeaderId { get; set; }
    public required string Text { get; set; }
    public DateTime WrittenAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public int? AcknowledgedById { get; set; }
}

internal sealed class InstructionConfiguration : IEntityTypeConfiguration<Instruction>
{
    public void Configure(EntityTypeBuilder<Instruction> e)
    {
        e.Property(i => i.Text).HasMaxLength(SupervisionOptions.MaxText);
        e.HasIndex(i => new { i.UnitId, i.TaskId });
        e.HasIndex(i => new { i.UnitId, i.LeaderId, i.WrittenAt });
        e.HasIndex(i => new { i.UnitId, i.AcknowledgedAt, i.TaskId });
        // 签阅 once: the second of two at once finds the token changed.
        e.Property(i => i.AcknowledgedAt).IsConcurrencyToken();
        e.HasOne<WorkTask>().WithMany().HasForeignKey(i => i.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<EscalationStep>().WithMany().HasForeignKey(i => i.StepId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(i => i.LeaderId).OnDelete(DeleteBehavior.Restrict);
    }
}
