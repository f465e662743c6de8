using Luoshi.Data;

namespace Luoshi.Features.DirectorySync;

/// <summary>When a source of the directory sync (LDAP here, DingTalk and WeCom in Messengers) is due, read
/// from its settings row: the unit and which of the source's kinds.</summary>
internal sealed record SyncSchedule<TKind>(int UnitId, TKind Kind, int IntervalHours, DateTime? LastSyncAt, DateTime? RunningSince);

/// <summary>The scheduled run shared by the sources' polled jobs. Its state is each settings row (last
/// run, the run's claim), so a restart or a second instance syncs nothing twice.</summary>
internal static class SyncSchedules
{
    /// <summary>Syncs, each in a scope of its own, the sources whose interval has passed since their last
    /// run and that no live run holds. A claim left by a process that died mid-run is taken over once it
    /// is older than <paramref name="staleClaim"/> (the syncer checks again when it claims).</summary>
    public static async Task RunDueAsync<TKind>(
        IServiceScopeFactory scopes, TimeProvider time, TimeSpan staleClaim, ILogger log, string what,
        Func<LuoshiDb, CancellationToken, Task<List<SyncSchedule<TKind>>>> schedules,
        Func<IServiceProvider, SyncSchedule<TKind>, CancellationToken, Task<DirectorySyncRun?>> sync, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<SyncSchedule<TKind>> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = [.. (await schedules(scope.ServiceProvider.GetRequiredService<LuoshiDb>(), ct)).Where(s =>
                (s.LastSyncAt is not { } last || last.AddHours(s.IntervalHours) <= now) && (s.RunningSince is not { } running || running < now - staleClaim))];
        }

        foreach (var source in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await sync(scope.ServiceProvider, source, ct) is { } run)
            {
                log.LogInformation("{What} ({Kind}) of unit {Unit}: {Added} added, {Moved} moved, {Deactivated} deactivated{Problem}",
                    what, source.Kind, source.UnitId, run.Added, run.Moved, run.Deactivated, run.Problem is null ? "" : " (a problem was recorded)");
            }
        }
    }
}
