using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Luoshi.Data;

/// <summary>
/// Rides out a failover of the PostgreSQL primary (see README, "Automatic failover"). Opening a
/// connection is tried again, with a growing pause, while no server answers as the primary, for up to
/// <c>Database:WaitForPrimary</c> (a minute by default): nothing has reached the server when opening
/// fails, so a request that arrives while the secondary is being promoted waits for it instead of
/// failing, whatever it then does. A statement that fails on a connection the failover broke is NOT
/// repeated here (it may have been carried out; the caller or the client decides, with an
/// Idempotency-Key on the API). Such a failure, and a standby's refusal to write, clear Npgsql's pools,
/// so the other idle connections to the old primary are not handed out to fail one after another.
/// </summary>
internal sealed class PrimaryWaitInterceptor(TimeSpan wait) : DbConnectionInterceptor
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(2);

    /// <summary>The interceptors for the PostgreSQL context: this one, and the pool clearing on a failed statement.</summary>
    public static IInterceptor[] For(IConfiguration configuration) =>
        [new PrimaryWaitInterceptor(configuration.GetValue("Database:WaitForPrimary", TimeSpan.FromMinutes(1))), PoolClearing.Instance];

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (result.IsSuppressed || wait <= TimeSpan.Zero)
        {
            return result;
        }

        var waited = Stopwatch.StartNew();
        var pause = FirstPause;
        while (true)
        {
            try
            {
                await connection.OpenAsync(cancellationToken);
                // Opened here: EF Core takes it as open and does not open it again.
                return InterceptionResult.Suppress();
            }
            catch (Exception e) when (PrimaryLoss.Is(e) && waited.Elapsed + pause < wait)
            {
                NpgsqlConnection.ClearAllPools();
                await Task.Delay(pause, cancellationToken);
                pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
            }
        }
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        if (result.IsSuppressed || wait <= TimeSpan.Zero)
        {
            return result;
        }

        var waited = Stopwatch.StartNew();
        var pause = FirstPause;
        while (true)
        {
            try
            {
                connection.Open();
                return InterceptionResult.Suppress();
            }
            catch (Exception e) when (PrimaryLoss.Is(e) && waited.Elapsed + pause < wait)
            {
                NpgsqlConnection.ClearAllPools();
                Thread.Sleep(pause);
                pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
            }
        }
    }

    /// <summary>A statement that failed because the primary went away (or is a standby now) clears the pools.</summary>
    private sealed class PoolClearing : DbCommandInterceptor
    {
        public static readonly PoolClearing Instance = new();

        public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Clear(eventData.Exception);

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Clear(eventData.Exception);
            return Task.CompletedTask;
        }

        private static void Clear(Exception e)
        {
            if (PrimaryLoss.Is(e))
            {
                NpgsqlConnection.ClearAllPools();
            }
        }
    }
}
