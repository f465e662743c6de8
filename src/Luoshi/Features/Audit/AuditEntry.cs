using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Audit;

/// <summary>
/// One security-relevant event (等保 level 3 audit trail): who, when, from where, what, to whom. Written
/// by <see cref="AuditLog"/> only, read by the auditor only, deleted only by <see cref="AuditCleanup"/>
/// after <see cref="AuditOptions.KeepMonths"/>. Nothing in the app edits an entry.
/// </summary>
internal sealed class AuditEntry
{
    public const int NameLength = 100;
    public const int DetailLength = 200;

    public long Id { get; set; }

    /// <summary>The unit the event belongs to; <see cref="AuditLog.NoUnit"/> for a failed sign-in
    /// with a name that exists nowhere, which no unit can claim.</summary>
    public int UnitId { get; set; }

    public DateTime At { get; set; }
    public AuditKind Kind { get; set; }

    /// <summary>The person who acted, when known (not for a failed sign-in of an unknown name).</summary>
    public int? ActorPersonId { get; set; }

    /// <summary>The login name as typed or as stored, kept as text so a failure of an unknown name
    /// and an entry of a person since renamed still say who it was.</summary>
    public string? UserName { get; set; }

    public int? TargetPersonId { get; set; }

    /// <summary>Whom or what the event concerns (a person's name, a file name), as text.</summary>
    public string? Target { get; set; }

    public string? Address { get; set; }
    public string? Detail { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditEntries");
        e.Property(a => a.UserName).HasMaxLength(AuditEntry.NameLength);
        e.Property(a => a.Target).HasMaxLength(AuditEntry.NameLength);
        e.Property(a => a.Address).HasMaxLength(64);
        e.Property(a => a.Detail).HasMaxLength(AuditEntry.DetailLength);
        // The page lists a unit's entries newest first; the cleanup deletes by time across units.
        e.HasIndex(a => new { a.UnitId, a.At });
        e.HasIndex(a => new { a.UnitId, a.Kind, a.At });
        e.HasIndex(a => a.At);
    }
}
