using Luoshi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Luoshi.Features.Plans;

/// <summary>A plan's reporting settings are read on every report and change a few times a year:
/// cached, dropped at once on a save in this process, in the other instances with the save's notice
/// (<see cref="ClusterSignal"/>), and after a minute at the latest.</summary>
internal sealed class PlanCache(IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public async Task<Plan> GetAsync(LuoshiDb db, int planId, CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(Key(planId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return await db.Plans.AsNoTracking().FirstAsync(p => p.Id == planId, ct);
        }))!;

    /// <summary>Stands for the unit's plans as a whole: the same object until one of them is added or
    /// changed (here, or in another instance, told by the same notice) and for a minute at the most. What
    /// is computed from all of a unit's plans (the report windows) is kept while its stamp is this one;
    /// take the stamp before reading the plans, so that a change during the read makes the next ask read again.</summary>
    public object UnitStamp(int unitId) =>
        cache.GetOrCreate(UnitKey(unitId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return new object();
        })!;

    /// <summary>A plan was saved (after the commit, when in a transaction).</summary>
    public void Invalidate(Plan plan) => Invalidate(plan.UnitId, plan.Id);

    public void Invalidate(int unitId, int planId)
    {
        ClusterSignal.Evict(cache, Key(planId));
        ClusterSignal.Evict(cache, UnitKey(unitId));
    }

    private static string Key(int planId) => $"plan:{planId}";

    private static string UnitKey(int unitId) => $"plans-of-unit:{unitId}";
}
