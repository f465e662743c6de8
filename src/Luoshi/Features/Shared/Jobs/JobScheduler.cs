using Microsoft.Extensions.Options;

namespace Luoshi.Features.Shared.Jobs;

/// <summary>
/// The clock of the features' jobs. On each poll: the daily jobs not yet done for the bureau's date,
/// in registration order, then every polled job. It knows no feature: each registers its own jobs
/// (<see cref="JobRegistration"/>). One job's failure is logged and does not keep the others from
/// running; a daily job that failed is tried again on the next poll. With several instances on one
/// database only the <see cref="SchedulerLeader"/> runs the daily jobs (none given: this one leads).
/// </summary>
internal sealed class JobScheduler(IEnumerable<IDailyJob> daily, IEnumerable<IPolledJob> polled, BureauClock clock, TimeProvider time, IOptions<SchedulerOptions> options, ILogger<JobScheduler> log,
    SchedulerLeader? leader = null) : BackgroundService
{
    private readonly IReadOnlyList<IDailyJob> _daily = [.. daily];
    private readonly IReadOnlyList<IPolledJob> _polled = [.. polled];
    private readonly Dictionary<IDailyJob, DateOnly> _ranFor = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Poll, time);
        do
        {
            await TickAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One poll: the day's jobs still due, then the polled ones.</summary>
    public async Task TickAsync(CancellationToken ct)
    {
        var today = clock.Today;
        if (_daily.Any(job => _ranFor.GetValueOrDefault(job) != today) && (leader is null || await leader.LeadsAsync(ct)))
        {
            foreach (var job in _daily)
            {
                if (_ranFor.GetValueOrDefault(job) != today && await TryAsync(job, ct))
                {
                    _ranFor[job] = today;
                    log.LogInformation("每日任务 {Job} 已运行（{Today}，进程 {Process}）", job.Name, today, Environment.ProcessId);
                }
            }
        }

        foreach (var job in _polled)
        {
            await TryAsync(job, ct);
        }
    }

    private async Task<bool> TryAsync(IBackgroundJob job, CancellationToken ct)
    {
        try
        {
            await job.RunAsync(ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "The background job {Job} failed; it will be tried again", job.Name);
            return false;
        }
    }
}
