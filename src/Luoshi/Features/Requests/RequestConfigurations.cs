using Luoshi.Features.Reports;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Requests;

internal sealed class ExtensionRequestConfiguration : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> e)
    {
        e.Property(r => r.Reason).HasMaxLength(2000);
        e.Property(r => r.DecisionNote).HasMaxLength(2000);
        e.HasIndex(r => new { r.UnitId, r.TaskId, r.Status });
        e.HasOne<WorkTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        // One pending request per task, whatever the code above it does; a decision is saved only
        // while the request is still pending (UPDATE … WHERE "Status" = 0).
        e.HasIndex(r => new { r.UnitId, r.TaskId }, "IX_ExtensionRequests_OnePending").IsUnique().HasFilter("\"Status\" = 0");
        e.Property(r => r.Status).IsConcurrencyToken();
    }
}

internal sealed class CompletionRequestConfiguration : IEntityTypeConfiguration<CompletionRequest>
{
    public void Configure(EntityTypeBuilder<CompletionRequest> e)
    {
        e.Property(r => r.DecisionNote).HasMaxLength(2000);
        e.HasIndex(r => new { r.UnitId, r.Status, r.RequestedAt });
        e.HasIndex(r => new { r.UnitId, r.TaskId });
        e.HasOne<WorkTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ProgressReport>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(r => new { r.UnitId, r.TaskId }, "IX_CompletionRequests_OnePending").IsUnique().HasFilter("\"Status\" = 0");
        e.Property(r => r.Status).IsConcurrencyToken();
    }
}
