using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Idempotency;

/// <summary>Forgets the answers to keyed requests after a day, once an hour.</summary>
internal sealed class IdempotencyCleanup(IServiceScopeFactory scopes, TimeProvider time, ILogger<IdempotencyCleanup> log) : BackgroundService
{
    /// <summary>How long a repeat of a keyed request gets the first answer; after that the key is free again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public static Task<int> DeleteExpiredAsync(LuoshiDb db, DateTime utcNow, CancellationToken ct = default)
    {
        var before = utcNow - Lifetime;
        return db.IdempotentRequests.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await DeleteExpiredAsync(scope.ServiceProvider.GetRequiredService<LuoshiDb>(), time.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next hour tries again; the rows only take room meanwhile.
                log.LogWarning(e, "Could not delete expired idempotency keys");
            }
        }
    }
}
