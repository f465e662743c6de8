using Luoshi.Features.Shared;
using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Supervision;

/// <summary>Every unit's escalation run, once per bureau date. The raised steps are in the database,
/// so a second run the same day (a restart, another instance) raises nothing twice.</summary>
internal sealed class EscalationJob(IServiceScopeFactory scopes, BureauClock clock, ILogger<EscalationJob> log) : IDailyJob
{
    public string Name => "催办督办";

    public Task RunAsync(CancellationToken ct) => EachUnit.RunAsync(scopes, async (services, unitId) =>
    {
        var summary = await services.GetRequiredService<EscalationRun>().RunAsync(unitId, ct);
        log.LogInformation("Unit {Unit}, {Today}: {Summary}", unitId, clock.Today, summary);
    }, ct);
}
