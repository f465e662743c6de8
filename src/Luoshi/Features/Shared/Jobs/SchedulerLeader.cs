using Luoshi.Data;
using Npgsql;

namespace Luoshi.Features.Shared.Jobs;

/// <summary>
/// Which instance runs the daily jobs when several share one PostgreSQL database: the one holding a
/// session-level advisory lock, on a connection of its own kept open for as long as it leads. When that
/// instance stops or dies its connection closes, the lock goes with it, and another instance takes it on
/// its next poll. Each daily job is still safe to run twice (its units are locked, its steps keyed):
/// leading only keeps the day's work from being done, and logged, once per instance. On SQLite the one
/// instance always leads. The polled jobs (the outbox, the record's seals) claim their own rows and run
/// on every instance.
/// </summary>
internal sealed class SchedulerLeader(IConfiguration config, ILogger<SchedulerLeader> log) : IAsyncDisposable
{
    /// <summary>The lock's key: one bigint, a key space of its own (the unit locks take two ints).</summary>
    private const long Key = 0x4C756F736869; // "Luoshi"

    /// <summary>Kept open by a follower too, so a poll asks again without opening a connection.</summary>
    private NpgsqlConnection? _connection;
    private bool _leads;
    private bool _toldFollowing;

    /// <summary>Whether this instance leads now: it still holds the lock, or has just taken it.</summary>
    public async Task<bool> LeadsAsync(CancellationToken ct)
    {
        var (provider, connection) = DatabaseSetup.Resolve(config);
        if (provider != DatabaseProvider.Postgres)
        {
            return true;
        }

        try
        {
            if (_connection is null)
            {
                _connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Pooling = false, ApplicationName = "luoshi-scheduler" }.ConnectionString);
                await _connection.OpenAsync(ct);
            }

            // The leader asks its connection whether it is still there; a follower asks for the lock.
            await using var ask = new NpgsqlCommand(_leads ? "SELECT true" : $"SELECT pg_try_advisory_lock({Key})", _connection);
            var leads = await ask.ExecuteScalarAsync(ct) is true;
            if (leads && !_leads)
            {
                log.LogInformation("本实例成为调度主实例，每日任务由本实例运行（进程 {Process}）", Environment.ProcessId);
            }
            else if (!leads && !_toldFollowing)
            {
                log.LogInformation("另一实例为调度主实例，本实例只运行轮询任务（进程 {Process}）", Environment.ProcessId);
                _toldFollowing = true;
            }

            _leads = leads;
            return leads;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "调度主实例的锁连接失败，本实例暂不运行每日任务，下次轮询重新竞选");
            await DisposeAsync();
            return false;
        }
    }

    /// <summary>Closing the connection gives the lock up.</summary>
    public async ValueTask DisposeAsync()
    {
        _leads = false;
        _toldFollowing = false;
        if (_connection is { } open)
        {
            _connection = null;
            await open.DisposeAsync();
        }
    }
}
