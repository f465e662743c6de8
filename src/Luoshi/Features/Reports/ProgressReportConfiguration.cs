using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Reports;

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> e)
    {
        e.Property(r => r.AchievedValue).HasPrecision(18, 4);
        e.HasIndex(r => new { r.UnitId, r.TaskId, r.SubmittedAt });
        e.HasIndex(r => new { r.UnitId, r.SectionId, r.SubmittedAt });
        e.HasOne<WorkTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Section>().WithMany().HasForeignKey(r => r.SectionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ProgressReport>().WithMany().HasForeignKey(r => r.CorrectsId).OnDelete(DeleteBehavior.Restrict);
        // Few reports correct another: the index of the correction link holds only those, so that a
        // plain report does not add an entry to it (a million reports' worth of empty links otherwise).
        e.HasIndex(r => new { r.UnitId, r.CorrectsId }).HasFilter("\"CorrectsId\" IS NOT NULL");
        e.HasMany(r => r.Evidence).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}
