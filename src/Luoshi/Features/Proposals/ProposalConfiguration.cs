using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Proposals;

internal sealed class ProposalDetailsConfiguration : IEntityTypeConfiguration<ProposalDetails>
{
    public void Configure(EntityTypeBuilder<ProposalDetails> e)
    {
        e.HasKey(p => p.TaskId);
        e.Ignore(p => p.CoSignerNames);
        e.Property(p => p.Number).HasMaxLength(30);
        e.Property(p => p.Content).HasMaxLength(4000);
        e.Property(p => p.ProposerName).HasMaxLength(50);
        e.Property(p => p.ProposerGroup).HasMaxLength(100);
        e.Property(p => p.ProposerPhone).HasMaxLength(30);
        e.Property(p => p.CoSigners).HasMaxLength(1000);
        e.Property(p => p.ExtensionReason).HasMaxLength(500);
        // 第0123号 is one proposal per unit, year and type.
        e.HasIndex(p => new { p.UnitId, p.Year, p.Type, p.Number }).IsUnique();
        e.HasOne<WorkTask>().WithOne().HasForeignKey<ProposalDetails>(p => p.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalReplyConfiguration : IEntityTypeConfiguration<ProposalReply>
{
    public void Configure(EntityTypeBuilder<ProposalReply> e)
    {
        e.Property(r => r.Text).HasMaxLength(4000);
        e.Property(r => r.ResultClass).HasMaxLength(1);
        e.Property(r => r.Signer).HasMaxLength(50);
        e.Property(r => r.DeliveredTo).HasMaxLength(1100);
        e.Property(r => r.Satisfaction).HasMaxLength(10);
        e.Property(r => r.SatisfactionNote).HasMaxLength(1000);
        e.ComplexProperty(r => r.File, f =>
        {
            f.Ignore(x => x.Exists);
            f.Property(x => x.FileName).HasMaxLength(255);
            f.Property(x => x.ContentType).HasMaxLength(200);
            f.Property(x => x.Sha256).HasMaxLength(64);
            f.Property(x => x.StorageKey).HasMaxLength(200);
        });
        // Two people recording the same round's reply at once: one is kept.
        e.HasIndex(r => new { r.UnitId, r.TaskId, r.Round }).IsUnique();
        e.HasOne<WorkTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(r => r.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProposalCoHandlerConfiguration : IEntityTypeConfiguration<ProposalCoHandler>
{
    public void Configure(EntityTypeBuilder<ProposalCoHandler> e)
    {
        e.Property(c => c.CoUnitName).HasMaxLength(200);
        e.HasIndex(c => new { c.UnitId, c.TaskId, c.CoUnitId }).IsUnique();
        e.HasOne<WorkTask>().WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalOpinionConfiguration : IEntityTypeConfiguration<ProposalOpinion>
{
    public void Configure(EntityTypeBuilder<ProposalOpinion> e)
    {
        e.Property(o => o.LeadUnitName).HasMaxLength(200);
        e.Property(o => o.Number).HasMaxLength(30);
        e.Property(o => o.Title).HasMaxLength(500);
        e.Property(o => o.Content).HasMaxLength(4000);
        e.Property(o => o.Text).HasMaxLength(4000);
        e.Property(o => o.Signer).HasMaxLength(50);
        // One request per proposal and co-handler; the 主办 reads them by (co-handler, its unit, its task).
        e.HasIndex(o => new { o.UnitId, o.LeadUnitId, o.LeadTaskId }).IsUnique();
        e.HasIndex(o => new { o.UnitId, o.SubmittedOn });
        e.HasOne<Person>().WithMany().HasForeignKey(o => o.SubmittedById).OnDelete(DeleteBehavior.Restrict);
    }
}
