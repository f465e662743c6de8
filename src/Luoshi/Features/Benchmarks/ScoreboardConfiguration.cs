using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Benchmarks;

internal sealed class ScoreboardConfiguration : IEntityTypeConfiguration<Scoreboard>
{
    public void Configure(EntityTypeBuilder<Scoreboard> e)
    {
        e.Property(b => b.Name).HasMaxLength(200);
        e.Property(b => b.OwnCode).HasMaxLength(50);
        e.Property(b => b.BenchmarkCode).HasMaxLength(50);
        e.HasIndex(b => b.UnitId);
        // A scoreboard still being imported is not there for anyone (ScoreboardStore.ImportAsync).
        e.HasQueryFilter(b => !b.Importing);
        e.HasOne<Unit>().WithMany().HasForeignKey(b => b.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScoreboardNodeConfiguration : IEntityTypeConfiguration<ScoreboardNode>
{
    public void Configure(EntityTypeBuilder<ScoreboardNode> e)
    {
        e.Property(n => n.Code).HasMaxLength(50);
        e.Property(n => n.Parent).HasMaxLength(50);
        e.Property(n => n.Name).HasMaxLength(200);
        e.Property(n => n.MeasureUnit).HasMaxLength(50);
        e.Property(n => n.Denominator).HasMaxLength(50);
        e.HasIndex(n => new { n.UnitId, n.ScoreboardId, n.Code }).IsUnique();
        e.HasOne<Scoreboard>().WithMany().HasForeignKey(n => n.ScoreboardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScoreboardUnitConfiguration : IEntityTypeConfiguration<ScoreboardUnit>
{
    public void Configure(EntityTypeBuilder<ScoreboardUnit> e)
    {
        e.Property(u => u.Code).HasMaxLength(50);
        e.Property(u => u.Name).HasMaxLength(200);
        e.HasIndex(u => new { u.UnitId, u.ScoreboardId, u.Code }).IsUnique();
        e.HasOne<Scoreboard>().WithMany().HasForeignKey(u => u.ScoreboardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScoreboardValueConfiguration : IEntityTypeConfiguration<ScoreboardValue>
{
    public void Configure(EntityTypeBuilder<ScoreboardValue> e)
    {
        e.Property(v => v.UnitCode).HasMaxLength(50);
        e.Property(v => v.Variable).HasMaxLength(50);
        e.Property(v => v.Source).HasMaxLength(300);
        e.HasIndex(v => new { v.UnitId, v.ScoreboardId, v.UnitCode, v.Variable, v.Year }).IsUnique();
        e.HasOne<Scoreboard>().WithMany().HasForeignKey(v => v.ScoreboardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorTaskConfiguration : IEntityTypeConfiguration<IndicatorTask>
{
    public void Configure(EntityTypeBuilder<IndicatorTask> e)
    {
        e.Property(l => l.Indicator).HasMaxLength(50);
        e.HasKey(l => new { l.UnitId, l.ScoreboardId, l.Indicator, l.TaskId });
        e.HasOne<Scoreboard>().WithMany().HasForeignKey(l => l.ScoreboardId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WorkTask>().WithMany().HasForeignKey(l => l.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
