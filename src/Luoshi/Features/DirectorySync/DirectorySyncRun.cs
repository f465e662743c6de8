using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.DirectorySync;

/// <summary>One run of the directory sync and what it did, shown on /Admin/Directory.</summary>
internal sealed class DirectorySyncRun
{
    public int UnitId { get; set; }
    public int Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }

    /// <summary>The office member who pressed 立即同步; null for a scheduled run.</summary>
    public int? ByPersonId { get; set; }

    /// <summary>Which directory was read: "ldap", "dingtalk" or "wecom" (each has its own page).</summary>
    public string Source { get; set; } = DirectorySyncer.Source;

    /// <summary>People in the directory under the filter.</summary>
    public int Found { get; set; }

    public int Added { get; set; }
    public int Moved { get; set; }
    public int Updated { get; set; }
    public int Deactivated { get; set; }
    public int Reactivated { get; set; }
    public int Skipped { get; set; }

    /// <summary>Why the run read nothing or changed nothing, when it did not finish (in Chinese).</summary>
    public string? Problem { get; set; }

    /// <summary>What happened to whom, one line each ("新增：张三（办公室）").</summary>
    public string Lines { get; set; } = "";

    /// <summary>The people this run deactivated, comma-separated: their open tasks are listed for 改派.</summary>
    public string DeactivatedPersonIds { get; set; } = "";

    public IEnumerable<int> DeactivatedIds() =>
        DeactivatedPersonIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture));
}

internal sealed class DirectorySyncRunConfiguration : IEntityTypeConfiguration<DirectorySyncRun>
{
    public void Configure(EntityTypeBuilder<DirectorySyncRun> e)
    {
        e.ToTable("DirectorySyncRuns");
        e.Property(r => r.Problem).HasMaxLength(500);
        e.Property(r => r.Source).HasMaxLength(20);
        e.Property(r => r.Lines).HasMaxLength(100_000);
        e.Property(r => r.DeactivatedPersonIds).HasMaxLength(20_000);
        e.HasIndex(r => new { r.UnitId, r.StartedAt });
        e.HasOne<Organisation.Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
