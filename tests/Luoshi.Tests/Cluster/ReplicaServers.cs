using System.Diagnostics;
using Npgsql;

namespace Luoshi.Tests.Cluster;

/// <summary>
/// A PostgreSQL primary and its streaming hot standby on loopback, started by
/// <c>scripts/replica-throwaway.sh</c> (the script a deployment tries the replica with) in a bash that
/// stays open for the test run: when the test process ends, its stdin closes, bash exits and the script's
/// exit trap stops and removes both servers.
/// </summary>
internal sealed class ReplicaServers
{
    private static readonly Lazy<ReplicaServers> Started = new(Start);

    private readonly Process _bash;

    private ReplicaServers(Process bash, string primary, string replica, string replicaFolder, string bin)
    {
        _bash = bash;
        Primary = primary;
        Replica = replica;
        ReplicaFolder = replicaFolder;
        Bin = bin;
    }

    /// <summary>Where the PostgreSQL programs are, or null when they are not installed.</summary>
    public static string? Programs { get; } = Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_basebackup"))).Order().LastOrDefault()
        : null;

    public static ReplicaServers Shared => Started.Value;

    /// <summary>The primary's maintenance database.</summary>
    public string Primary { get; }

    /// <summary>The standby's maintenance database.</summary>
    public string Replica { get; }

    private string ReplicaFolder { get; }

    private string Bin { get; }

    /// <summary>A fresh database on the primary (it reaches the standby by replay).</summary>
    public string NewDatabase()
    {
        Assert.False(_bash.HasExited, "the bash that holds the servers ended");
        var name = $"luoshi_replica_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(Primary);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        create.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(Primary) { Database = name }.ConnectionString;
    }

    /// <summary>The same database on the standby.</summary>
    public string ReadOf(string primaryDatabase) =>
        new NpgsqlConnectionStringBuilder(Replica) { Database = new NpgsqlConnectionStringBuilder(primaryDatabase).Database }.ConnectionString;

    public Task PauseReplayAsync() => OnReplicaAsync("SELECT pg_wal_replay_pause()");

    public Task ResumeReplayAsync() => OnReplicaAsync("SELECT pg_wal_replay_resume()");

    /// <summary>Stops the standby (fast: its sessions are ended, as when a server goes down).</summary>
    public void StopReplica() => PgCtl("-m", "fast", "stop");

    /// <summary>Starts the standby again and waits (minutes at most) until it streams.</summary>
    public async Task StartReplicaAsync()
    {
        PgCtl("-w", "-l", Path.Combine(Path.GetDirectoryName(ReplicaFolder)!, "log"), "start");
        var waited = Stopwatch.StartNew();
        string? seen = null;
        while (waited.Elapsed < TimeSpan.FromMinutes(3))
        {
            try
            {
                await using var connection = new NpgsqlConnection(Replica);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT status FROM pg_stat_wal_receiver", connection);
                seen = (string?)await command.ExecuteScalarAsync();
                if (seen == "streaming")
                {
                    return;
                }
            }
            catch (NpgsqlException e)
            {
                seen = e.Message;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"the standby did not stream again within 3 minutes; last seen: {seen}");
    }

    private async Task OnReplicaAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Replica);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>pg_ctl as the servers' owner (postgres when the tests run as root, as the script starts them).</summary>
    private void PgCtl(params string[] args)
    {
        string[] command = [Path.Combine(Bin, "pg_ctl"), "-D", ReplicaFolder, .. args];
        var start = Environment.UserName == "root"
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", .. command])
            : new ProcessStartInfo(command[0], command[1..]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"pg_ctl {string.Join(' ', args)} failed ({process.ExitCode}): {output.Result}{error}");
    }

    private static ReplicaServers Start()
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "replica-throwaway.sh");
        var bash = Process.Start(new ProcessStartInfo("bash", ["-c", $". '{script}' >&2 && printf '%s\\n' \"$LUOSHI_PG\" \"$LUOSHI_PG_READ\" \"$LUOSHI_PG_READ_DIR\" \"$LUOSHI_PG_BIN\" && read -r _"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = new System.Text.StringBuilder();
        bash.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        bash.BeginErrorReadLine();
        var lines = new string?[4];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = bash.StandardOutput.ReadLine();
        }

        if (lines.Any(string.IsNullOrEmpty))
        {
            lock (log)
            {
                throw new InvalidOperationException($"scripts/replica-throwaway.sh did not start the servers: {log}");
            }
        }

        return new ReplicaServers(bash, lines[0]!, lines[1]!, lines[2]!, lines[3]!);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "scripts", "replica-throwaway.sh")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("scripts/replica-throwaway.sh not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A test that needs the PostgreSQL programs (initdb, pg_basebackup): skipped, with the reason, where they are absent.</summary>
internal sealed class ReplicaFactAttribute : FactAttribute
{
    public ReplicaFactAttribute()
    {
        if (ReplicaServers.Programs is null)
        {
            Skip = "未安装 PostgreSQL 程序（Debian 软件包 postgresql；test.sh 会安装）：跳过只读副本测试";
        }
    }
}
