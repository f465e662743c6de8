using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Meetings;

/// <summary>A meeting whose minutes (会议纪要) decided things to do: each decision is a work item of kind
/// MeetingDecision (<see cref="MeetingDecision"/>).</summary>
internal sealed class Meeting
{
    public int Id { get; set; }
    public int UnitId { get; set; }

    /// <summary>局长办公会, 党组会 …</summary>
    public required string Name { get; set; }

    public DateOnly HeldOn { get; set; }

    /// <summary>纪要 number as written, e.g. 〔2026〕5号.</summary>
    public required string MinutesNumber { get; set; }

    public int RegisteredById { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>How a decision names its source: "局长办公会纪要〔2026〕5号 第3项".</summary>
    public string SourceLabel(int number) => $"{Name}纪要{MinutesNumber} 第{number}项";
}

/// <summary>What a 议定事项 adds to its <see cref="WorkTask"/>: its meeting and its place in the minutes.</summary>
internal sealed class MeetingDecision
{
    public int TaskId { get; set; }
    public int UnitId { get; set; }
    public int MeetingId { get; set; }

    /// <summary>第N项 in the minutes, from 1.</summary>
    public int Number { get; set; }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.Property(m => m.Name).HasMaxLength(100);
        e.Property(m => m.MinutesNumber).HasMaxLength(50);
        e.HasIndex(m => new { m.UnitId, m.HeldOn });
        e.HasOne<Person>().WithMany().HasForeignKey(m => m.RegisteredById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingDecisionConfiguration : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> e)
    {
        e.HasKey(d => d.TaskId);
        // 第3项 of a meeting is one item.
        e.HasIndex(d => new { d.UnitId, d.MeetingId, d.Number }).IsUnique();
        e.HasOne<WorkTask>().WithOne().HasForeignKey<MeetingDecision>(d => d.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}
