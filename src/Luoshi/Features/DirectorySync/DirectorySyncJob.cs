using Luoshi.Data;
using Luoshi.Features.Ldap;
using Luoshi.Features.Shared.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.DirectorySync;

/// <summary>On each poll, the units whose directory is on with a schedule and whose interval has
/// passed since the last run are synced. Its state is the settings row (last run, the run's claim),
/// so a restart or a second instance syncs nothing twice.</summary>
internal sealed class DirectorySyncJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<DirectorySyncJob> log) : IPolledJob
{
    public string Name => "目录同步";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<int> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var schedules = await scope.ServiceProvider.GetRequiredService<LuoshiDb>().Set<DirectorySettings>().AsNoTracking()
                .Where(s => s.Enabled && s.SyncIntervalHours > 0)
                .Select(s => new { s.UnitId, s.SyncIntervalHours, s.LastSyncAt, s.RunningSince }).ToListAsync(ct);
            // A claim left by a process that died mid-run is taken over once it is stale (the syncer checks again).
            due = [.. schedules.Where(s => (s.LastSyncAt is not { } last || last.AddHours(s.SyncIntervalHours) <= now)
                && (s.RunningSince is not { } running || running < now - DirectorySettings.StaleClaim)).Select(s => s.UnitId)];
        }

        foreach (var unitId in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<DirectorySyncer>().RunAsync(unitId, null, ct) is { } run)
            {
                log.LogInformation("Directory sync of unit {Unit}: {Added} added, {Moved} moved, {Deactivated} deactivated{Problem}",
                    unitId, run.Added, run.Moved, run.Deactivated, run.Problem is null ? "" : " (a problem was recorded)");
            }
        }
    }
}
