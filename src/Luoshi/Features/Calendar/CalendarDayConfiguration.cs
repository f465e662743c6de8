using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Calendar;

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> e)
    {
        e.HasKey(d => new { d.UnitId, d.Date });
        e.Property(d => d.Name).HasMaxLength(50);
        e.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
