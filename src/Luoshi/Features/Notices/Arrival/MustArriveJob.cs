using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Notices.Arrival;

/// <summary>On every poll, in every unit, the 督办 and 批示 unread for too long are re-sent and their
/// readers' heads told (<see cref="MustArrive"/>). Its state is the notice's ResentAt, so a restart or a
/// second instance re-sends nothing twice; a unit with nothing due costs one indexed query.</summary>
internal sealed class MustArriveJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<MustArriveJob> log) : IPolledJob
{
    /// <summary>Working hours are counted in minutes at best: looking more often than this is wasted.</summary>
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public string Name => "消息必达";

    public Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now - _last < Every)
        {
            return Task.CompletedTask;
        }

        _last = now;
        return RunAllAsync(ct);
    }

    /// <summary>Every unit now, whenever it last ran (tests call this).</summary>
    public Task RunAllAsync(CancellationToken ct) => EachUnit.RunAsync(scopes, async (services, unitId) =>
    {
        var resent = await services.GetRequiredService<MustArrive>().RunAsync(unitId, ct);
        if (resent > 0)
        {
            log.LogInformation("Unread notices re-sent in unit {Unit}: {Count}", unitId, resent);
        }
    }, ct);
}
