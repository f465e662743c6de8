using Luoshi.Data;
using Luoshi.Features.Ldap;
using Luoshi.Features.Shared.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.DirectorySync;

/// <summary>On each poll, the units whose directory is on with a schedule and whose interval has
/// passed since the last run are synced (<see cref="SyncSchedules"/>).</summary>
internal sealed class DirectorySyncJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<DirectorySyncJob> log) : IPolledJob
{
    public string Name => "目录同步";

    public Task RunAsync(CancellationToken ct) => SyncSchedules.RunDueAsync(scopes, time, DirectorySettings.StaleClaim, log, "Directory sync",
        (db, ct) => db.Set<DirectorySettings>().AsNoTracking().Where(s => s.Enabled && s.SyncIntervalHours > 0)
            .Select(s => new SyncSchedule<string>(s.UnitId, DirectorySyncer.Source, s.SyncIntervalHours, s.LastSyncAt, s.RunningSince)).ToListAsync(ct),
        (services, due, ct) => services.GetRequiredService<DirectorySyncer>().RunAsync(due.UnitId, null, ct), ct);
}
