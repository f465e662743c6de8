using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Assessment;

internal sealed class AssessmentSchemeConfiguration : IEntityTypeConfiguration<AssessmentScheme>
{
    public void Configure(EntityTypeBuilder<AssessmentScheme> e)
    {
        e.Property(s => s.Name).HasMaxLength(200);
        e.Property(s => s.Grades).HasMaxLength(200);
        e.Property(s => s.DefaultGrade).HasMaxLength(10);
        foreach (var points in new[] { nameof(AssessmentScheme.ExtendedFactor), nameof(AssessmentScheme.UrgePoints), nameof(AssessmentScheme.SupervisePoints),
            nameof(AssessmentScheme.OverduePointsPerDay), nameof(AssessmentScheme.OverdueCapPerTask), nameof(AssessmentScheme.RefusedCompletionPoints),
            nameof(AssessmentScheme.LeadShare), nameof(AssessmentScheme.MaxAdjustment), nameof(AssessmentScheme.ScoreFloor) })
        {
            e.Property(points).HasPrecision(9, 4);
        }

        // Every write of a scheme says "WHERE IsLocked = false": one lock wins, and no edit lands after it.
        e.Property(s => s.IsLocked).IsConcurrencyToken();
        e.HasIndex(s => new { s.UnitId, s.PeriodStart });
        e.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QualityGradeConfiguration : IEntityTypeConfiguration<QualityGrade>
{
    public void Configure(EntityTypeBuilder<QualityGrade> e)
    {
        e.Property(g => g.Grade).HasMaxLength(10);
        e.HasIndex(g => new { g.UnitId, g.SchemeId, g.TaskId });
        e.HasOne<AssessmentScheme>().WithMany().HasForeignKey(g => g.SchemeId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WorkTask>().WithMany().HasForeignKey(g => g.TaskId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(g => g.GivenById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScoreAdjustmentConfiguration : IEntityTypeConfiguration<ScoreAdjustment>
{
    public void Configure(EntityTypeBuilder<ScoreAdjustment> e)
    {
        e.Property(a => a.Points).HasPrecision(9, 2);
        e.Property(a => a.Reason).HasMaxLength(500);
        AddressedEntry.Configure(e);
    }
}

internal sealed class AssessmentAwardConfiguration : IEntityTypeConfiguration<AssessmentAward>
{
    public void Configure(EntityTypeBuilder<AssessmentAward> e)
    {
        e.Property(a => a.Kind).HasMaxLength(20);
        e.Property(a => a.Reason).HasMaxLength(500);
        AddressedEntry.Configure(e);
    }
}

/// <summary>An adjustment or a 奖惩: belongs to a scheme, goes to a section or a person, given by a person.</summary>
internal static class AddressedEntry
{
    public static void Configure<T>(EntityTypeBuilder<T> e)
        where T : class
    {
        e.HasIndex("UnitId", "SchemeId");
        e.HasOne<AssessmentScheme>().WithMany().HasForeignKey("SchemeId").OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Section>().WithMany().HasForeignKey("SectionId").OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey("PersonId").OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey("GivenById").OnDelete(DeleteBehavior.Restrict);
    }
}
