using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Dispatch;

internal enum DispatchState
{
    /// <summary>待签收: the receiving unit's office has not yet signed or returned it.</summary>
    Waiting = 0,

    /// <summary>已签收: the receiving unit made its own task for it (<see cref="DispatchParty.ReceivedTaskId"/>).</summary>
    Signed = 1,

    /// <summary>已退办: sent back with a reason; the assigning office reassigns or confirms.</summary>
    Returned = 2,

    /// <summary>已改派: the assigning office gave this unit's part to another unit (a new party); this one is closed.</summary>
    Reassigned = 3,
}

/// <summary>
/// One unit's part of a 交办: the lead unit (牵头单位) or a cooperating unit (配合单位). The row belongs to
/// the <em>receiving</em> unit (<see cref="UnitId"/>), so that unit sees it under its ordinary unit filter;
/// it names the assigning unit and the assigner's own task (<see cref="SourceUnitId"/>,
/// <see cref="SourceTaskId"/>), which is how the assigner finds its parties (one narrow query across units).
/// </summary>
internal sealed class DispatchParty
{
    public const int MaxText = 1000;

    public int Id { get; set; }

    /// <summary>The receiving unit.</summary>
    public int UnitId { get; set; }

    public int SourceUnitId { get; set; }
    public int SourceTaskId { get; set; }
    public bool IsLead { get; set; }

    /// <summary>How often the receiving unit reports on its part, as the assigner asked.</summary>
    public ReportCadence Cadence { get; set; }

    /// <summary>What the assigner asks of a cooperating unit (its part); null for the lead unit.</summary>
    public string? Part { get; set; }

    public DispatchState State { get; set; }

    /// <summary>When the current assignment began: creation, or the office's 坚持 (the signing clock restarts).</summary>
    public DateOnly AssignedOn { get; set; }

    /// <summary>The last day on which the receiving office may still return it (working days after <see cref="AssignedOn"/>).</summary>
    public DateOnly ReturnBy { get; set; }

    public int? ReceivedTaskId { get; set; }
    public DateTime? SignedAt { get; set; }
    public int? SignedById { get; set; }

    public string? ReturnReason { get; set; }
    public DateTime? ReturnedAt { get; set; }
    public int? ReturnedById { get; set; }

    /// <summary>The assigning office's reason when it kept the assignment (坚持交办); after it, no second 退办.</summary>
    public string? ConfirmNote { get; set; }
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>The party that took over after 改派, on this closed one.</summary>
    public int? ReassignedToPartyId { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class DispatchPartyConfiguration : IEntityTypeConfiguration<DispatchParty>
{
    public void Configure(EntityTypeBuilder<DispatchParty> e)
    {
        e.Property(p => p.Part).HasMaxLength(DispatchParty.MaxText);
        e.Property(p => p.ReturnReason).HasMaxLength(DispatchParty.MaxText);
        e.Property(p => p.ConfirmNote).HasMaxLength(DispatchParty.MaxText);
        // Each step happens once: a save is refused when the state it read has moved on (UPDATE … WHERE "State" = read).
        e.Property(p => p.State).IsConcurrencyToken();
        e.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Unit>().WithMany().HasForeignKey(p => p.SourceUnitId).OnDelete(DeleteBehavior.Restrict);
        // Across units on purpose: (SourceUnitId, SourceTaskId) → the assigner's task. Two columns, so the
        // unit prefixing of Data/UnitKeys leaves it as written.
        e.HasOne<WorkTask>().WithMany().HasForeignKey(p => new { p.SourceUnitId, p.SourceTaskId }).HasPrincipalKey(t => new { t.UnitId, t.Id }).OnDelete(DeleteBehavior.Restrict);
        // Within the receiving unit: becomes (UnitId, ReceivedTaskId) → (UnitId, Id).
        e.HasOne<WorkTask>().WithMany().HasForeignKey(p => p.ReceivedTaskId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(p => new { p.SourceUnitId, p.SourceTaskId });
        e.HasIndex(p => new { p.UnitId, p.State });
        // One open part per unit and 交办: a unit is not assigned the same 交办 twice (a reassigned part is closed).
        e.HasIndex(p => new { p.UnitId, p.SourceUnitId, p.SourceTaskId }).IsUnique().HasFilter("\"State\" <> 3");
    }
}

internal static class DispatchStateNames
{
    public static string Chinese(this DispatchState state) => state switch
    {
        DispatchState.Signed => "已签收",
        DispatchState.Returned => "已退办",
        DispatchState.Reassigned => "已改派",
        _ => "待签收",
    };

    public static string CssClass(this DispatchState state) => state switch
    {
        DispatchState.Signed => "green",
        DispatchState.Returned => "red",
        DispatchState.Reassigned => "grey",
        _ => "yellow",
    };
}
