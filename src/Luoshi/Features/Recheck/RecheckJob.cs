using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Recheck;

/// <summary>Once a day, in every unit, the re-checks whose day has come start as work items. Its state is
/// the re-check row itself (its work item set once, under the original task's row lock), so a restart or a
/// second instance starts nothing twice.</summary>
internal sealed class RecheckJob(IServiceScopeFactory scopes, ILogger<RecheckJob> log) : IDailyJob
{
    public string Name => "回头看";

    public Task RunAsync(CancellationToken ct) => EachUnit.RunAsync(scopes, async (services, unitId) =>
    {
        var started = await services.GetRequiredService<Rechecks>().StartDueAsync(unitId, ct);
        if (started > 0)
        {
            log.LogInformation("Re-checks started in unit {Unit}: {Count}", unitId, started);
        }
    }, ct);
}
