using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Luoshi.Data;

/// <summary>
/// A read on the replica that fails (the replica stopped or restarts, a pooled connection it closed, a
/// query cancelled by a recovery conflict) runs once more on the primary, and the replica is left alone
/// until it answers again (<see cref="ReplicaWatch.Failed"/>): a stopped replica costs no page.
/// </summary>
internal sealed class ReplicaFallback(ExecutionStrategyDependencies dependencies, string primaryConnection, ReplicaWatch watch)
    : ExecutionStrategy(dependencies, maxRetryCount: 1, maxRetryDelay: TimeSpan.Zero)
{
    protected override bool ShouldRetryOn(Exception exception)
    {
        if (exception is not (NpgsqlException or TimeoutException) || Dependencies.CurrentContext.Context.Database.GetConnectionString() == primaryConnection)
        {
            return false;
        }

        watch.Failed(exception);
        return true;
    }

    protected override TimeSpan? GetNextDelay(Exception lastException) => base.GetNextDelay(lastException) is null ? null : TimeSpan.Zero;

    /// <summary>The failed command closed the connection it opened, so the context can be pointed elsewhere.</summary>
    protected override void OnRetry()
    {
        var database = Dependencies.CurrentContext.Context.Database;
        if (database.GetDbConnection().State != System.Data.ConnectionState.Closed)
        {
            database.CloseConnection();
        }

        database.SetConnectionString(primaryConnection);
    }
}
