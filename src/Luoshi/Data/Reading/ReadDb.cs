using Microsoft.EntityFrameworkCore;

namespace Luoshi.Data;

/// <summary>
/// What the read-heavy pages and reports read through: the same model as <see cref="LuoshiDb"/>, with the
/// same unit filter (<see cref="UnitKeys"/>), tracking nothing and saving nothing. With a streaming
/// replica configured (<c>ConnectionStrings:LuoshiRead</c>) it reads the replica when
/// <see cref="ReadRouting"/> finds the replica healthy and past the person's last write, else the
/// primary; without one it reads the primary, as everything else does. On PostgreSQL the server itself
/// refuses its writes either way (a standby is read-only; on the primary its sessions are
/// <c>default_transaction_read_only</c>), so a page switched to it cannot write by mistake.
/// </summary>
internal sealed class ReadDb(DbContextOptions<ReadDb> options) : LuoshiDb(options)
{
    /// <summary>The key of services built on this context instead of <see cref="LuoshiDb"/>
    /// (<c>[FromKeyedServices(ReadDb.Key)]</c>).</summary>
    public const string Key = "read";

    /// <summary>Whether this context reads the replica now (it moves to the primary when the replica fails, see <see cref="ReplicaFallback"/>).</summary>
    public bool ReadsReplica => Database.GetConnectionString() is { } connection && connection == ReplicaConnection;

    /// <summary>The replica's connection string when this context was opened on it.</summary>
    internal string? ReplicaConnection { get; init; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => throw Refused();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) => throw Refused();

    private static InvalidOperationException Refused() =>
        new("ReadDb only reads (it may be a replica): save through LuoshiDb.");
}
