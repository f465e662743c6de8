using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Supervision;

/// <summary>When the daily run last ran for a unit: a run that finds a gap behind it (the service was
/// down) knows which steps it raises late, and says so (补发).</summary>
internal sealed class EscalationRunLog
{
    public int UnitId { get; set; }
    public DateOnly LastRunOn { get; set; }
    public DateTime LastRunAt { get; set; }
}

internal sealed class EscalationRunLogConfiguration : IEntityTypeConfiguration<EscalationRunLog>
{
    public void Configure(EntityTypeBuilder<EscalationRunLog> e)
    {
        e.HasKey(x => x.UnitId);
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
