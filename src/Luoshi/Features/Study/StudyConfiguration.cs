using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Study;

internal sealed class StudyPlanConfiguration : IEntityTypeConfiguration<StudyPlan>
{
    public void Configure(EntityTypeBuilder<StudyPlan> e)
    {
        e.Property(p => p.Title).HasMaxLength(200);
        e.HasIndex(p => new { p.UnitId, p.Year });
        e.HasOne<Plan>().WithMany().HasForeignKey(p => p.WorkPlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(p => p.Groups).WithOne().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StudyGroupConfiguration : IEntityTypeConfiguration<StudyGroup>
{
    public void Configure(EntityTypeBuilder<StudyGroup> e)
    {
        e.Property(g => g.Name).HasMaxLength(100);
        e.HasIndex(g => new { g.UnitId, g.PlanId });
        e.HasOne<Section>().WithMany().HasForeignKey(g => g.SectionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<WorkTask>().WithMany().HasForeignKey(g => g.TaskId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StudyMemberConfiguration : IEntityTypeConfiguration<StudyMember>
{
    public void Configure(EntityTypeBuilder<StudyMember> e)
    {
        e.HasKey(m => new { m.UnitId, m.GroupId, m.PersonId });
        e.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StudySessionConfiguration : IEntityTypeConfiguration<StudySession>
{
    public void Configure(EntityTypeBuilder<StudySession> e)
    {
        e.Property(s => s.Topic).HasMaxLength(300);
        e.Property(s => s.Materials).HasMaxLength(1000);
        e.Property(s => s.Effect).HasMaxLength(2000);
        e.Property(s => s.Missing).HasMaxLength(20);
        e.HasIndex(s => new { s.UnitId, s.GroupId, s.Date });
        e.HasOne<StudyGroup>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(s => s.Attendance).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StudyAttendanceConfiguration : IEntityTypeConfiguration<StudyAttendance>
{
    public void Configure(EntityTypeBuilder<StudyAttendance> e)
    {
        e.HasKey(a => new { a.UnitId, a.SessionId, a.PersonId });
        e.HasIndex(a => new { a.UnitId, a.GroupId, a.PersonId });
        e.HasIndex(a => new { a.UnitId, a.PersonId, a.Date });
        e.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
