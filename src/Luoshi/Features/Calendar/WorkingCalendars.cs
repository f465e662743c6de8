using Luoshi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Luoshi.Features.Calendar;

/// <summary>Each unit's calendar, cached: deadlines are computed on every write and the calendar
/// changes a few times a year. An edit in this process drops the entry at once; other instances
/// pick it up when the entry expires.</summary>
internal sealed class WorkingCalendars(IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<WorkingCalendar> ForUnitAsync(LuoshiDb db, int unitId, CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(Key(unitId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return new WorkingCalendar(await db.CalendarDays.AsNoTracking().Where(d => d.UnitId == unitId).ToListAsync(ct));
        }))!;

    public void Invalidate(int unitId) => cache.Remove(Key(unitId));

    private static string Key(int unitId) => $"calendar:{unitId}";
}
