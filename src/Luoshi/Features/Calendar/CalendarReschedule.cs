using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Calendar;

internal enum RescheduleState
{
    Queued = 0,
    Running = 1,
    Done = 2,
}

/// <summary>
/// A unit's deadlines and lights to be computed again after its calendar changed, run by
/// <see cref="CalendarRescheduleJob"/> rather than inside the edit's request. One waiting per unit (a
/// unique index): a second edit before it starts joins it, since the run reads the calendar as it is
/// then. An edit while one runs queues the next, which reads the newer calendar.
/// </summary>
internal sealed class CalendarReschedule
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public RescheduleState State { get; set; }

    /// <summary>The calendar edits this run answers (the first and those that joined it while it waited).</summary>
    public int Edits { get; set; } = 1;

    public DateTime QueuedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? HeartbeatAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int Done { get; set; }
    public int Total { get; set; }
}

internal sealed class CalendarRescheduleConfiguration : IEntityTypeConfiguration<CalendarReschedule>
{
    public void Configure(EntityTypeBuilder<CalendarReschedule> e)
    {
        e.ToTable("CalendarReschedules");
        e.HasIndex(r => r.UnitId, "IX_CalendarReschedules_Queued").IsUnique().HasFilter("\"State\" = 0");
        e.HasIndex(r => new { r.UnitId, r.Id });
        e.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class CalendarReschedules
{
    /// <summary>A running reschedule whose heartbeat is older than this lost its instance and is run again (it is idempotent).</summary>
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(5);

    /// <summary>Queues the unit's reschedule, or joins the one waiting.</summary>
    public static async Task QueueAsync(LuoshiDb db, int unitId, DateTime now, CancellationToken ct)
    {
        var set = db.Set<CalendarReschedule>();
        for (var attempt = 0; ; attempt++)
        {
            if (await set.Where(r => r.UnitId == unitId && r.State == RescheduleState.Queued).ExecuteUpdateAsync(s => s.SetProperty(r => r.Edits, r => r.Edits + 1), ct) == 1)
            {
                return;
            }

            var queued = new CalendarReschedule { UnitId = unitId, QueuedAt = now, State = RescheduleState.Queued };
            set.Add(queued);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (e.LostRace() && attempt < 3)
            {
                // Another edit queued one meanwhile: join it.
                db.Entry(queued).State = EntityState.Detached;
            }
        }
    }

    /// <summary>The unit's latest reschedule, for the calendar page.</summary>
    public static Task<CalendarReschedule?> LatestAsync(LuoshiDb db, int unitId, CancellationToken ct) =>
        db.Set<CalendarReschedule>().AsNoTracking().Where(r => r.UnitId == unitId).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);

    /// <summary>Takes the oldest waiting reschedule (or one whose instance died); null when none.</summary>
    public static async Task<CalendarReschedule?> ClaimAsync(LuoshiDb db, DateTime now, CancellationToken ct)
    {
        var stale = now - Stale;
        var set = db.Set<CalendarReschedule>();
        var candidates = await set.AsNoTracking()
            .Where(r => r.State == RescheduleState.Queued || (r.State == RescheduleState.Running && r.HeartbeatAt < stale))
            .OrderBy(r => r.Id).Take(5).ToListAsync(ct);
        foreach (var r in candidates)
        {
            if (await set.Where(x => x.Id == r.Id && x.State == r.State && x.HeartbeatAt == r.HeartbeatAt)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, RescheduleState.Running).SetProperty(x => x.StartedAt, now).SetProperty(x => x.HeartbeatAt, now), ct) == 1)
            {
                return r;
            }
        }

        return null;
    }
}
