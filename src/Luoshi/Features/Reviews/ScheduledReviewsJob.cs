using Luoshi.Features.Shared;
using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Reviews;

/// <summary>Every unit's reviews of the periods just ended, once per bureau date; a period already
/// generated is left alone.</summary>
internal sealed class ScheduledReviewsJob(IServiceScopeFactory scopes, BureauClock clock, ILogger<ScheduledReviewsJob> log) : IDailyJob
{
    public string Name => "按期盘点";

    public Task RunAsync(CancellationToken ct) => EachUnit.RunAsync(scopes, async (services, unitId) =>
    {
        var reviews = await services.GetRequiredService<ScheduledReviews>().RunAsync(unitId, ct);
        log.LogInformation("Unit {Unit}, {Today}: reviews generated: {Reviews}", unitId, clock.Today, reviews);
    }, ct);
}
