using System.Diagnostics;
using Npgsql;

namespace Luoshi.Data;

/// <summary>
/// What this process knows of the streaming replica: whether it is a standby that streams from the
/// primary, how far it has replayed the primary's WAL, and how far behind it is. Asked at most every
/// <see cref="RefreshEvery"/> while requests read (one small query on the replica, never waited for by a
/// request); an idle process asks nothing. The age of what was seen counts as lag, so an old answer is
/// trusted only within the lag bound; the position replayed only grows, so an old one errs on the safe
/// side. A replica that stopped since is found by the read that fails (<see cref="ReplicaFallback"/>).
/// </summary>
internal sealed class ReplicaWatch(string replicaConnection, TimeSpan maxLag, ILogger<ReplicaWatch> log)
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>Lag: nothing when the replica has replayed all it received, else the time since the last
    /// transaction it replayed was committed (an idle primary writes no transactions, and then nothing is
    /// waiting either). A receiver that does not stream (the primary unreachable from the replica) makes
    /// the replica unusable: it would go on answering from an ever older state.</summary>
    private const string Probe = """
        SELECT pg_is_in_recovery(),
               EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming'),
               COALESCE((pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint, 0),
               CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
                    ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8, 1e9) END
        """;

    private sealed record Seen(long At, long Replayed, double LagSeconds, string? Unusable);

    /// <summary>Its own small pool with short timeouts: a replica that hangs must not hold a request.</summary>
    private readonly string _probe = new NpgsqlConnectionStringBuilder(replicaConnection) { Timeout = 3, CommandTimeout = 3, MaxPoolSize = 2 }.ConnectionString;

    private Seen? _seen;
    private int _asking;
    private string? _toldUnusable = "";

    public TimeSpan MaxLag => maxLag;

    /// <summary>Whether a read may go to the replica now, and how far it has replayed (a WAL position).</summary>
    public bool Usable(out long replayed)
    {
        var seen = Volatile.Read(ref _seen);
        var age = seen is null ? TimeSpan.MaxValue : Stopwatch.GetElapsedTime(seen.At);
        if (age > RefreshEvery && Interlocked.CompareExchange(ref _asking, 1, 0) == 0)
        {
            _ = AskAsync();
        }

        replayed = 0;
        if (seen is null || seen.Unusable is not null || seen.LagSeconds + age.TotalSeconds > maxLag.TotalSeconds)
        {
            return false;
        }

        replayed = seen.Replayed;
        return true;
    }

    /// <summary>A read on the replica failed (stopped, restarting, a query cancelled by a recovery conflict):
    /// not used until it answers the probe again.</summary>
    public void Failed(Exception e) => Note(new Seen(Stopwatch.GetTimestamp(), 0, 0, $"a read failed: {e.Message}"));

    /// <summary>Asks the replica now and waits for the answer (start-up, tests).</summary>
    public async Task AskAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(_probe);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(Probe, connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (recovering, streaming, replayed, lag) = (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetInt64(2), reader.GetDouble(3));
            Note(new Seen(Stopwatch.GetTimestamp(), replayed, lag,
                !recovering ? "it is not a standby (promoted, or the primary itself)" : !streaming ? "it does not stream from the primary" : null));
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            Note(new Seen(Stopwatch.GetTimestamp(), 0, 0, $"it does not answer: {e.Message}"));
        }
        finally
        {
            Volatile.Write(ref _asking, 0);
        }
    }

    /// <summary>Says so in the log when the replica stops or starts being usable, not on every probe.</summary>
    private void Note(Seen seen)
    {
        Volatile.Write(ref _seen, seen);
        var told = Interlocked.Exchange(ref _toldUnusable, seen.Unusable);
        if (told != seen.Unusable && (told is null || seen.Unusable is null))
        {
            if (seen.Unusable is null)
            {
                log.LogInformation("The read replica is used.");
            }
            else
            {
                log.LogWarning("The read replica is not used, the primary answers instead: {Why}", seen.Unusable);
            }
        }
    }
}
