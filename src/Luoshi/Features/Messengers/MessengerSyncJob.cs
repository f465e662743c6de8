using Luoshi.Data;
using Luoshi.Features.Shared.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Messengers;

/// <summary>On each poll, the units' enabled messenger apps whose sync interval has passed are synced.
/// Its state is the settings row (last run, the run's claim), so a restart or a second instance
/// syncs nothing twice.</summary>
internal sealed class MessengerSyncJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<MessengerSyncJob> log) : IPolledJob
{
    public string Name => "通讯录同步";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<(int UnitId, MessengerKind Kind)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var schedules = await scope.ServiceProvider.GetRequiredService<LuoshiDb>().Set<MessengerSettings>().AsNoTracking()
                .Where(s => s.Enabled && s.SyncIntervalHours > 0)
                .Select(s => new { s.UnitId, s.Kind, s.SyncIntervalHours, s.LastSyncAt, s.RunningSince }).ToListAsync(ct);
            due = [.. schedules.Where(s => (s.LastSyncAt is not { } last || last.AddHours(s.SyncIntervalHours) <= now)
                && (s.RunningSince is not { } running || running < now - MessengerSettings.StaleClaim)).Select(s => (s.UnitId, s.Kind))];
        }

        foreach (var (unitId, kind) in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<MessengerSyncer>().RunAsync(unitId, kind, null, ct) is { } run)
            {
                log.LogInformation("{Kind} address-book sync of unit {Unit}: {Added} added, {Moved} moved, {Deactivated} deactivated{Problem}",
                    kind, unitId, run.Added, run.Moved, run.Deactivated, run.Problem is null ? "" : " (a problem was recorded)");
            }
        }
    }
}
