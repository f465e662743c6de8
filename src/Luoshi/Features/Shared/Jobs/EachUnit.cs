using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Shared.Jobs;

/// <summary>A job's run over every unit, a scope per unit: one unit's tracked entities do not reach
/// the next.</summary>
internal static class EachUnit
{
    public static async Task RunAsync(IServiceScopeFactory scopes, Func<IServiceProvider, int, Task> run, CancellationToken ct)
    {
        List<int> units;
        await using (var scope = scopes.CreateAsyncScope())
        {
            units = await scope.ServiceProvider.GetRequiredService<LuoshiDb>().Units.Select(u => u.Id).ToListAsync(ct);
        }

        foreach (var unitId in units)
        {
            await using var scope = scopes.CreateAsyncScope();
            await run(scope.ServiceProvider, unitId);
        }
    }
}
