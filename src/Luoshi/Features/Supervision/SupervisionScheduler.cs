using Luoshi.Data;
using Luoshi.Features.Notices;
using Luoshi.Features.Reviews;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Supervision;

internal sealed class SchedulerOptions
{
    /// <summary>Off in tests that drive the runs themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the outbox is looked at.</summary>
    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// The cycle's clock. Once per bureau date (at start-up and after midnight) every unit gets its
/// escalation run and, when a period has ended, its review; between times the outbox is sent and the
/// tamper-evident record is sealed. All
/// state is in the database (the raised steps, the generated reviews, the outbox), so a restart
/// loses nothing and repeats nothing, and two instances share the work through row claims and
/// per-unit locks instead of a leader.
/// </summary>
internal sealed class SupervisionScheduler(IServiceScopeFactory scopes, BureauClock clock, TimeProvider time, IOptions<SchedulerOptions> options, ILogger<SupervisionScheduler> log) : BackgroundService
{
    private DateOnly _ranFor;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Poll, time);
        do
        {
            try
            {
                if (clock.Today != _ranFor)
                {
                    var today = clock.Today;
                    await RunDailyAsync(stoppingToken);
                    _ranFor = today;
                }

                await SendAllAsync(stoppingToken);
                await SealRecordAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The supervision run failed; it will be tried again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunDailyAsync(CancellationToken ct)
    {
        List<int> units;
        await using (var scope = scopes.CreateAsyncScope())
        {
            units = await scope.ServiceProvider.GetRequiredService<LuoshiDb>().Units.Select(u => u.Id).ToListAsync(ct);
            var removed = await scope.ServiceProvider.GetRequiredService<Reports.EvidenceFiles>().RemoveUnattachedAsync(clock.UtcNow.AddDays(-1), ct);
            log.LogInformation("Unattached evidence uploads older than a day removed: {Removed}", removed);
        }

        foreach (var unitId in units)
        {
            // A scope per unit: one unit's failure or tracked entities do not touch the next.
            await using var scope = scopes.CreateAsyncScope();
            var summary = await scope.ServiceProvider.GetRequiredService<EscalationRun>().RunAsync(unitId, ct);
            var reviews = await scope.ServiceProvider.GetRequiredService<ScheduledReviews>().RunAsync(unitId, ct);
            log.LogInformation("Unit {Unit}, {Today}: {Summary}; reviews generated: {Reviews}", unitId, clock.Today, summary, reviews);
        }
    }

    /// <summary>Links the record entries written since the last tick into their chains, and now and then
    /// anchors the chain ends outside the database.</summary>
    public async Task SealRecordAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        await Record.RecordSealer.SealAllAsync(db, ct);
        await scope.ServiceProvider.GetRequiredService<Record.RecordAnchorer>().AnchorAsync(db, ct);
    }

    /// <summary>Sends until the outbox has nothing due.</summary>
    public async Task SendAllAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<NoticeDispatcher>().SendBatchAsync(ct) == 0)
            {
                return;
            }
        }
    }
}
