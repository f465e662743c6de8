using Npgsql;

namespace Luoshi.Data;

/// <summary>
/// Which PostgreSQL errors mean "no primary here (now)": the server went away, is shutting down or
/// starting up, or is a standby that refuses writes. After a failover (pg_auto_failover promoting the
/// secondary) every connection to the old primary fails this way once; a new connection, opened on the
/// multi-host connection string with <c>Target Session Attributes=primary</c>, reaches the new one.
/// </summary>
internal static class PrimaryLoss
{
    /// <summary>Whether the exception, or one inside it, is such an error. Authentication, a missing
    /// database and the statement's own errors are not: waiting would not mend them.</summary>
    public static bool Is(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    // 57P01-57P03: shut down or starting; 08: the connection; 25006: a read-only (standby) server;
                    // 40001 is not here: a serialisation failure is the statement's, and its caller retries it.
                    return pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                        or PostgresErrorCodes.ReadOnlySqlTransaction || pg.SqlState.StartsWith("08", StringComparison.Ordinal);
                case NpgsqlException:
                    // Not from the server: the connection broke, was refused or timed out, or no host was the primary.
                    return true;
                case System.Net.Sockets.SocketException or IOException or TimeoutException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Runs an action that may be repeated without harm (an UPDATE that says where it ends up, a
    /// DELETE of one row) again, and again, when the primary was lost under it, for up to <paramref name="within"/>
    /// (a minute when not given): each new attempt opens a new connection, which waits for the new primary
    /// (<see cref="PrimaryWaitInterceptor"/>).</summary>
    public static Task RepeatAsync(Func<Task> action, TimeSpan? within = null) => RepeatAsync(async () =>
    {
        await action();
        return true;
    }, within);

    /// <inheritdoc cref="RepeatAsync(Func{Task}, TimeSpan?)"/>
    public static async Task<T> RepeatAsync<T>(Func<Task<T>> action, TimeSpan? within = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var limit = within ?? TimeSpan.FromMinutes(1);
        while (true)
        {
            try
            {
                return await action();
            }
            catch (Exception e) when (Is(e) && watch.Elapsed < limit)
            {
                // The pool still holds connections to the server that went away; the next attempt must not get one.
                NpgsqlConnection.ClearAllPools();
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
            }
        }
    }
}
