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

    public void Invalidate(int planId) => ClusterSignal.Evict(cache, Key(planId));

    private static string Key(int planId) => $"plan:{planId}";
}
