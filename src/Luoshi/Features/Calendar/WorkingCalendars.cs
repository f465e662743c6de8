using Luoshi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Luoshi.Features.Calendar;

/// <summary>Each unit's calendar, cached: deadlines are computed on every write and the calendar
/// changes a few times a year. An edit in this process drops the entry at once; other instances on
/// PostgreSQL drop it with the edit's notice (<see cref="ClusterSignal"/>), and at the latest when it expires.</summary>
internal sealed class WorkingCalendars(IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<WorkingCalendar> ForUnitAsync(LuoshiDb db, int unitId, CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(Key(unitId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            // The entry is shared by everyone who asks for this unit, so it is read for the unit it names,
            // not through the asker's unit filter (a 交办 counts the assigner's working days while the
            // receiving office is signed in; filtered, that read came back empty and was kept).
            return new WorkingCalendar(await db.CalendarDays.IgnoreQueryFilters([UnitKeys.FilterName]).AsNoTracking().Where(d => d.UnitId == unitId).ToListAsync(ct));
        }))!;

    public void Invalidate(int unitId) => ClusterSignal.Evict(cache, Key(unitId));

    private static string Key(int unitId) => $"calendar:{unitId}";
}
