using Luoshi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Audit;

/// <summary>Deletes audit entries older than <see cref="AuditOptions.KeepMonths"/>, once a day: the
/// only deletion of an entry anywhere in the app.</summary>
internal sealed class AuditCleanup(IServiceScopeFactory scopes, TimeProvider time, IOptions<AuditOptions> options, ILogger<AuditCleanup> log) : BackgroundService
{
    public static Task<int> DeleteExpiredAsync(LuoshiDb db, DateTime utcNow, int keepMonths, CancellationToken ct = default)
    {
        var before = utcNow.AddMonths(-keepMonths);
        return db.AuditEntries.Where(a => a.At < before).ExecuteDeleteAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), time);
        // The first run a day after start: at start the database may still be migrating.
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await DeleteExpiredAsync(scope.ServiceProvider.GetRequiredService<LuoshiDb>(), time.GetUtcNow().UtcDateTime, options.Value.KeepMonths, stoppingToken);
                if (deleted > 0)
                {
                    log.LogInformation("Deleted {Count} audit entries older than {Months} months", deleted, options.Value.KeepMonths);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Tomorrow tries again; the entries only take room meanwhile.
                log.LogWarning(e, "Could not delete expired audit entries");
            }
        }
    }
}
