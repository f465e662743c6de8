using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Directives;

/// <summary>密级 a 批示件 may have here. This system is not one for classified documents: 秘密 and above
/// are refused at registration (<see cref="DirectiveDesk"/>), so only these two are ever stored.</summary>
internal enum Classification
{
    /// <summary>一般: read as any task of its sections (unless a 知悉范围 is given).</summary>
    General = 0,

    /// <summary>内部: read only by its 知悉范围, the registrar and the lead head, person and leader.</summary>
    Internal = 1,
}

/// <summary>What a 领导批示件 adds to its <see cref="WorkTask"/>: the incoming document and who instructed.
/// The instruction texts (the first 批示 and every 再次批示) are <see cref="DirectiveInstruction"/>s.</summary>
internal sealed class DirectiveDetails
{
    public int TaskId { get; set; }
    public int UnitId { get; set; }

    /// <summary>文号, e.g. 市政府办〔2026〕12号, or the 批示件 number.</summary>
    public required string DocumentNumber { get; set; }

    /// <summary>来文标题/事由.</summary>
    public required string SourceTitle { get; set; }

    /// <summary>批示领导, name and position as written: the leader may be above the unit, not a person here.</summary>
    public required string Leader { get; set; }

    public DateOnly InstructedOn { get; set; }
    public Classification Classification { get; set; }
    public int RegisteredById { get; set; }
    public DateTime RegisteredAt { get; set; }

    /// <summary>同意办结 recorded: the item is closed.</summary>
    public DateTime? ClosedAt { get; set; }
}

/// <summary>One 批示 of the item: round 1 is the instruction registered with it, each 再次批示 the next
/// round, with its own 时限. Only ever appended.</summary>
internal sealed class DirectiveInstruction
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public int Round { get; set; }
    public required string Text { get; set; }
    public DateOnly GivenOn { get; set; }
    public DateOnly DueDate { get; set; }
    public int RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal enum LeaderResponse
{
    /// <summary>同意办结.</summary>
    Agreed = 1,

    /// <summary>再次批示: the item stays open under a new instruction.</summary>
    Again = 2,
}

/// <summary>办理情况报告 of one round, written by the lead section and presented (呈阅) by the office to the
/// instructing leader, whose answer the office records on the same row. One report per round and one
/// answer per report, each under a unique index or the row lock.</summary>
internal sealed class DirectiveReport
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public int Round { get; set; }
    public required string Text { get; set; }

    /// <summary>佐证材料: what proves the handling (documents, meeting minutes, photos), as described.</summary>
    public string? Evidence { get; set; }

    public int SubmittedById { get; set; }
    public DateTime SubmittedAt { get; set; }
    public LeaderResponse? Response { get; set; }

    /// <summary>领导意见 as the leader wrote it (for 再次批示 also the new instruction's text).</summary>
    public string? Opinion { get; set; }

    public DateOnly? RespondedOn { get; set; }
    public int? RecordedById { get; set; }
    public DateTime? RecordedAt { get; set; }
}

internal static class DirectiveStages
{
    public static IReadOnlyList<string> Names => WorkKinds.All[WorkKind.Directive].Stages;

    public static string Handling => Names[0];
    public static string Presented => Names[1];
    public static string Closed => Names[2];
}

internal sealed class DirectiveDetailsConfiguration : IEntityTypeConfiguration<DirectiveDetails>
{
    public void Configure(EntityTypeBuilder<DirectiveDetails> e)
    {
        e.HasKey(d => d.TaskId);
        e.Property(d => d.DocumentNumber).HasMaxLength(100);
        e.Property(d => d.SourceTitle).HasMaxLength(500);
        e.Property(d => d.Leader).HasMaxLength(100);
        e.HasIndex(d => new { d.UnitId, d.TaskId });
        e.HasOne<WorkTask>().WithOne().HasForeignKey<DirectiveDetails>(d => d.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(d => d.RegisteredById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DirectiveInstructionConfiguration : IEntityTypeConfiguration<DirectiveInstruction>
{
    public void Configure(EntityTypeBuilder<DirectiveInstruction> e)
    {
        e.Property(i => i.Text).HasMaxLength(4000);
        // Two 再次批示 recorded at once cannot both be round 2.
        e.HasIndex(i => new { i.UnitId, i.TaskId, i.Round }).IsUnique();
        e.HasOne<WorkTask>().WithMany().HasForeignKey(i => i.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(i => i.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DirectiveReportConfiguration : IEntityTypeConfiguration<DirectiveReport>
{
    public void Configure(EntityTypeBuilder<DirectiveReport> e)
    {
        e.Property(r => r.Text).HasMaxLength(8000);
        e.Property(r => r.Evidence).HasMaxLength(2000);
        e.Property(r => r.Opinion).HasMaxLength(4000);
        // One 办理情况报告 per round: a second submission of the same round is a 409.
        e.HasIndex(r => new { r.UnitId, r.TaskId, r.Round }).IsUnique();
        e.HasOne<WorkTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(r => r.SubmittedById).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(r => r.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}
