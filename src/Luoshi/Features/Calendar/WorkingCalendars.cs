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

    public async Task<WorkingCalendar> ForUnitAsync(LuoshiDb db, int unitId, CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key(unitId), out WorkingCalendar? calendar) && calendar is not null)
        {
            return calendar;
        }

        var days = await db.CalendarDays.AsNoTracking().Where(d => d.UnitId == unitId).ToListAsync(ct);
        calendar = new WorkingCalendar(days);
        cache.Set(Key(unitId), calendar, Lifetime);
        return calendar;
    }

    public void Invalidate(int unitId) => cache.Remove(Key(unitId));

    private static string Key(int unitId) => $"calendar:{unitId}";
}
