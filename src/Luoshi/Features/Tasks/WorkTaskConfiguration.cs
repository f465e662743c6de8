using Luoshi.Features.Imports;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Tasks;

internal sealed class WorkTaskConfiguration : IEntityTypeConfiguration<WorkTask>
{
    public void Configure(EntityTypeBuilder<WorkTask> e)
    {
        // TaskAccess counts with an array of cooperated task ids on PostgreSQL (VisibleToForCounting); its
        // SQL function is declared with the tasks, so the rule and its mapping stay in the Tasks feature.
        TaskAccess.MapFunctions(e.Metadata.Model);
        e.Property(t => t.Title).HasMaxLength(500);
        e.Property(t => t.Number).HasMaxLength(20);
        e.Property(t => t.Stage).HasMaxLength(20);
        e.HasIndex(t => new { t.UnitId, t.Kind, t.Stage });
        e.Property(t => t.TargetUnit).HasMaxLength(20);
        e.Property(t => t.SourceLabel).HasMaxLength(200);
        e.Property(t => t.TargetValue).HasPrecision(18, 4);
        e.Property(t => t.AchievedValue).HasPrecision(18, 4);
        e.HasOne<Plan>().WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WorkTask>().WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<SourceDocument>().WithMany().HasForeignKey(t => t.SourceDocumentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Section>().WithMany().HasForeignKey(t => t.LeadSectionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(t => t.LeadLeaderId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(t => t.ResponsiblePersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(t => t.Milestones).WithOne().HasForeignKey(m => m.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(t => t.Cooperations).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);

        // The dashboard groups by section and light; lists filter by them and sort by due date.
        e.HasIndex(t => new { t.UnitId, t.LeadSectionId, t.Light, t.DueBy });
        e.HasIndex(t => new { t.UnitId, t.Light, t.DueBy });
        e.HasIndex(t => new { t.UnitId, t.PlanId, t.ParentId, t.SortOrder });
        e.HasIndex(t => new { t.UnitId, t.LeadLeaderId });
        e.HasIndex(t => new { t.UnitId, t.ResponsiblePersonId });
        e.HasIndex(t => new { t.UnitId, t.DueBy });
        // Open tasks due by a date (the list's open=true with dueBefore): counted from this index alone
        // where the table is vacuumed, instead of visiting each of tens of thousands of rows.
        e.HasIndex(t => new { t.UnitId, t.DueBy }, "IX_Tasks_Open_DueBy").HasFilter("\"CompletedOn\" IS NULL AND NOT \"Restricted\"");
        // A person's open tasks by due date: without it PostgreSQL walks the open tasks in due order until
        // it meets twenty of his (60 ms on 100k tasks), instead of reading his first twenty (0.1 ms).
        e.HasIndex(t => new { t.UnitId, t.ResponsiblePersonId, t.DueBy }, "IX_Tasks_Open_Person_DueBy").HasFilter("\"CompletedOn\" IS NULL AND NOT \"Restricted\"");
        e.Property(t => t.Version).IsConcurrencyToken();

        // Every report rewrites its task's row (progress, last report, light). PostgreSQL can keep the new
        // version on the same page without touching any of the fifteen indexes only when the page has room:
        // a tenth of each page is left free for that (SQLite ignores it).
        e.HasStorageParameter("fillfactor", 90);

        // A database default too, so that bulk inserts which do not name the column give a part its usual weight.
        e.Property(t => t.Weight).HasDefaultValue(1).HasSentinel(0);
        e.ToTable(t => t.HasCheckConstraint("CK_Tasks_Weight", "\"Weight\" BETWEEN 1 AND 100"));
        // The restricted tasks are few: the viewer's facts find them through this partial index.
        e.HasIndex(t => new { t.UnitId, t.LeadSectionId }, "IX_Tasks_Restricted").HasFilter("\"Restricted\"");
    }
}
