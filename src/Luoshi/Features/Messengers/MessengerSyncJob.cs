using Luoshi.Data;
using Luoshi.Features.DirectorySync;
using Luoshi.Features.Shared.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Messengers;

/// <summary>On each poll, the units' enabled messenger apps whose sync interval has passed are synced
/// (<see cref="SyncSchedules"/>, as the LDAP directory is).</summary>
internal sealed class MessengerSyncJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<MessengerSyncJob> log) : IPolledJob
{
    public string Name => "通讯录同步";

    public Task RunAsync(CancellationToken ct) => SyncSchedules.RunDueAsync(scopes, time, MessengerSettings.StaleClaim, log, "Address-book sync",
        (db, ct) => db.Set<MessengerSettings>().AsNoTracking().Where(s => s.Enabled && s.SyncIntervalHours > 0)
            .Select(s => new SyncSchedule<MessengerKind>(s.UnitId, s.Kind, s.SyncIntervalHours, s.LastSyncAt, s.RunningSince)).ToListAsync(ct),
        (services, due, ct) => services.GetRequiredService<MessengerSyncer>().RunAsync(due.UnitId, due.Kind, null, ct), ct);
}
