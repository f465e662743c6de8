using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Luoshi.Data;

/// <summary>The "Cluster" settings.</summary>
internal sealed class ClusterOptions
{
    /// <summary>Tell the other instances of every write, and hear theirs (PostgreSQL only). Off in the
    /// tests that host several apps in one process: they share one generation already.</summary>
    public bool Notify { get; set; } = true;

    /// <summary>At most one notice per this interval: the writes in between ride on the next one.</summary>
    public TimeSpan NotifyInterval { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>How long a broken connection waits before the first reconnect; doubled up to 30 s.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>
/// Keeps the per-process caches of several instances on one PostgreSQL database fresh. Each local move
/// of the <see cref="WriteGeneration"/> is published with <c>NOTIFY luoshi_writes</c> on a connection of
/// its own, in autocommit, so it is sent after the write's commit (the generation moves again after every
/// commit, and that move is always followed by a notice). A second connection LISTENs; a notice from
/// another instance drops the cache entries it names and moves the local generation, so the next page
/// here computes the viewer, the 待办 counts and the dashboard afresh. Either connection, when it breaks,
/// is opened again with a doubling pause; what was missed meanwhile is made up by clearing everything once.
/// </summary>
internal sealed class WriteListener(string connectionString, IMemoryCache cache, IOptions<ClusterOptions> options, ILogger<WriteListener> log) : BackgroundService
{
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    /// <summary>How long the listener waits for a notice before it checks that its connection is alive.</summary>
    private static readonly TimeSpan Alive = TimeSpan.FromSeconds(30);

    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
    {
        // Two long-lived connections of their own, never returned to (or taken from) the request pool.
        Pooling = false,
        ApplicationName = "luoshi-cluster",
    }.ConnectionString);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SendAsync(stoppingToken), ListenAsync(stoppingToken));

    private async Task SendAsync(CancellationToken ct)
    {
        using var sending = ClusterSignal.Sending();
        var retry = options.Value.FirstRetry;
        var lost = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _source.OpenConnectionAsync(ct);
                await using var notify = new NpgsqlCommand($"SELECT pg_notify('{ClusterSignal.ChannelName}', @payload)", connection);
                var payload = new NpgsqlParameter<string>("payload", "");
                notify.Parameters.Add(payload);
                retry = options.Value.FirstRetry;
                while (true)
                {
                    // After a broken connection the first notice says "everything": names may have been lost with it.
                    if (!lost)
                    {
                        await ClusterSignal.WaitAsync(ct);
                    }

                    payload.TypedValue = ClusterSignal.TakePayload(everything: lost);
                    lost = true;
                    await notify.ExecuteNonQueryAsync(ct);
                    lost = false;
                    await Task.Delay(options.Value.NotifyInterval, ct);
                }
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(e, "集群写入通知连接中断，{Retry} 后重连", retry);
                await PauseAsync(retry, ct);
                retry = Longer(retry);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        var retry = options.Value.FirstRetry;
        var first = true;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _source.OpenConnectionAsync(ct);
                connection.Notification += (_, e) => Heard(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ClusterSignal.ChannelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                if (!first)
                {
                    // Whatever the others wrote while this instance was not listening.
                    Heard("reconnected|" + ClusterSignal.Everything);
                    log.LogInformation("集群写入监听已重新连接");
                }

                first = false;
                retry = options.Value.FirstRetry;
                while (true)
                {
                    if (!await connection.WaitAsync(Alive, ct))
                    {
                        // Quiet for a while: make sure the connection is still there, or hear of it breaking.
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(ct);
                    }
                }
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(e, "集群写入监听连接中断，{Retry} 后重连", retry);
                first = false;
                await PauseAsync(retry, ct);
                retry = Longer(retry);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Another instance wrote: its dropped entries go here too, then the generation moves, so a
    /// reader that sees the new generation no longer finds the old entries.</summary>
    private void Heard(string payload)
    {
        var (sender, keys) = ClusterSignal.Parse(payload);
        if (sender == ClusterSignal.Instance)
        {
            return;
        }

        if (keys.Contains(ClusterSignal.Everything))
        {
            (cache as MemoryCache)?.Clear();
        }
        else
        {
            foreach (var key in keys)
            {
                cache.Remove(key);
            }
        }

        WriteGeneration.BumpFromElsewhere();
    }

    private static async Task PauseAsync(TimeSpan pause, CancellationToken ct)
    {
        try
        {
            await Task.Delay(pause, ct);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static TimeSpan Longer(TimeSpan retry) => retry * 2 < LongestRetry ? retry * 2 : LongestRetry;

    public override void Dispose()
    {
        _source.Dispose();
        base.Dispose();
    }
}
