using Luoshi.Features.Appeals;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Rectification;

/// <summary>The tables of opinions, problems, measures and appeals; unit id first in every index.</summary>
internal static class LedgerModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Opinion>(e =>
        {
            e.Property(o => o.Receipt).HasMaxLength(30);
            e.Property(o => o.Content).HasMaxLength(PublicLimits.Content);
            e.Property(o => o.SubmitterName).HasMaxLength(PublicLimits.Name);
            e.Property(o => o.Contact).HasMaxLength(PublicLimits.Contact);
            e.HasIndex(o => new { o.UnitId, o.Receipt }).IsUnique();
            e.HasIndex(o => new { o.UnitId, o.ProblemId });
            e.HasOne<Unit>().WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Problem>().WithMany().HasForeignKey(o => o.ProblemId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Problem>(e =>
        {
            e.Property(p => p.Title).HasMaxLength(500);
            e.Property(p => p.Category).HasMaxLength(50);
            e.HasIndex(p => new { p.UnitId, p.SortOrder });
            e.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(p => p.LeaderId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<RectificationMeasure>(e =>
        {
            e.HasKey(m => m.TaskId);
            e.HasIndex(m => new { m.UnitId, m.ProblemId });
            e.HasOne<WorkTask>().WithOne().HasForeignKey<RectificationMeasure>(m => m.TaskId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Problem>().WithMany().HasForeignKey(m => m.ProblemId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<AppealDetails>(e =>
        {
            e.HasKey(a => a.TaskId);
            e.Property(a => a.Receipt).HasMaxLength(30);
            e.Property(a => a.SecretHash).HasMaxLength(64);
            e.Property(a => a.Category).HasMaxLength(50);
            e.Property(a => a.Content).HasMaxLength(PublicLimits.Content);
            e.Property(a => a.SubmitterName).HasMaxLength(PublicLimits.Name);
            e.Property(a => a.Contact).HasMaxLength(PublicLimits.Contact);
            e.Property(a => a.ReplyText).HasMaxLength(4000);
            e.HasIndex(a => new { a.UnitId, a.Receipt }).IsUnique();
            e.HasIndex(a => new { a.UnitId, a.ReceivedOn });
            e.HasOne<WorkTask>().WithOne().HasForeignKey<AppealDetails>(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AppealFollowUp>(e =>
        {
            e.Property(f => f.Satisfaction).HasMaxLength(10);
            e.Property(f => f.Note).HasMaxLength(1000);
            e.HasIndex(f => new { f.UnitId, f.TaskId });
            e.HasOne<WorkTask>().WithMany().HasForeignKey(f => f.TaskId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

/// <summary>The sizes public forms accept, shared by the forms and the columns.</summary>
internal static class PublicLimits
{
    public const int Content = 2000;
    public const int Name = 50;
    public const int Contact = 100;
}
