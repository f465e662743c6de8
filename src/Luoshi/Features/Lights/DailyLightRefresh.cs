using Luoshi.Data;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Lights;

/// <summary>
/// Lights move with the date even when nobody writes: at start-up and whenever the bureau's date
/// changes, every unit's lights are refreshed in the database. Running it twice (two instances) is
/// harmless: the update is idempotent.
/// </summary>
internal sealed class DailyLightRefresh(IServiceScopeFactory scopes, BureauClock clock, TimeProvider time, ILogger<DailyLightRefresh> log) : BackgroundService
{
    private DateOnly _refreshedFor;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            if (clock.Today != _refreshedFor)
            {
                try
                {
                    await RefreshAllAsync(stoppingToken);
                    _refreshedFor = clock.Today;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Refreshing the lights failed; will try again in a minute");
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RefreshAllAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        var lights = scope.ServiceProvider.GetRequiredService<TaskLights>();
        var today = clock.Today;
        foreach (var unitId in await db.Units.Select(u => u.Id).ToListAsync(ct))
        {
            var changed = await lights.RefreshUnitAsync(unitId, ct);
            log.LogInformation("Lights of unit {Unit} refreshed for {Today}: {Changed} changed", unitId, today, changed);
        }
    }
}
