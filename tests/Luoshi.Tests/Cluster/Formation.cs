using System.Diagnostics;
using System.Text;
using Npgsql;

namespace Luoshi.Tests.Cluster;

/// <summary>
/// The pg_auto_failover formation of <c>scripts/failover-throwaway.sh</c> (a monitor, node1 the primary,
/// node2 its synchronous secondary), run by the script in its "hold" mode: it stops everything when this
/// process closes its input, or ends. One per test process: the failover test spends it.
/// </summary>
internal sealed class Formation : IDisposable
{
    private static readonly Lazy<Formation> Started = new(Start);

    private readonly Process _script;
    private readonly StringBuilder _output = new();
    private readonly Dictionary<string, string> _values = [];

    private Formation(Process script) => _script = script;

    /// <summary>pg_autoctl, or null when it is not installed (Debian package postgresql-15-auto-failover).</summary>
    public static string? AutoctlPath { get; } = new[] { "/usr/bin/pg_autoctl", "/usr/local/bin/pg_autoctl" }.FirstOrDefault(File.Exists);

    public static Formation Shared => Started.Value;

    /// <summary>The multi-host connection string (Target Session Attributes=primary) to the "luoshi" database.</summary>
    public string ConnectionString => _values["LUOSHI_PG"];

    public string Folder => _values["LUOSHI_FAILOVER_DIR"];

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public int Port(string node) => int.Parse(File.ReadAllText(Path.Combine(Folder, node + ".port")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A connection straight to one node, not through the multi-host string.</summary>
    public string Direct(string node) => $"Host=127.0.0.1;Port={Port(node)};Username={_values["FAILOVER_USER"]};Database=luoshi;Pooling=false;Timeout=5";

    /// <summary>What the monitor says of the nodes (pg_autoctl show state), for a failure message.</summary>
    public async Task<string> StateAsync()
    {
        try
        {
            var monitor = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = new Uri(_values["LUOSHI_FAILOVER_MONITOR"].Replace("postgres://", "http://", StringComparison.Ordinal)).Port, Username = "autoctl_node", Database = "pg_auto_failover", Pooling = false };
            await using var connection = new NpgsqlConnection(monitor.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select string_agg(format('%s %s:%s reported %s, assigned %s, lsn %s', nodename, nodehost, nodeport, reportedstate, goalstate, reportedlsn), E'\n' order by nodename) from pgautofailover.node", connection);
            return (string?)await command.ExecuteScalarAsync() ?? "(no nodes)";
        }
        catch (Exception e)
        {
            return "the monitor did not answer: " + e.Message;
        }
    }

    /// <summary>Whether the node answers as a primary now.</summary>
    public async Task<bool> IsPrimaryAsync(string node)
    {
        try
        {
            await using var connection = new NpgsqlConnection(Direct(node));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select not pg_is_in_recovery()", connection);
            return await command.ExecuteScalarAsync() is true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
        {
            return false;
        }
    }

    /// <summary>Kills the node as a lost machine would go: its pg_autoctl supervisor, keeper and PostgreSQL
    /// (one process group, the script starts each service with setsid) at once, with SIGKILL.</summary>
    public void Crash(string node)
    {
        var group = File.ReadAllText(Path.Combine(Folder, node + ".pid")).Trim();
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-KILL", "--", "-" + group]) { RedirectStandardError = true })!;
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -KILL -- -{group}: {kill.StandardError.ReadToEnd()}");
    }

    private static Formation Start()
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "failover-throwaway.sh");
        var start = new ProcessStartInfo("bash", [script, "hold"]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        // The monitor's health checks shortened: a dead primary is noticed after seconds, not ~20 s.
        start.Environment["FAILOVER_FAST"] = "1";
        var formation = new Formation(Process.Start(start)!);
        var ready = new TaskCompletionSource();
        formation._script.OutputDataReceived += (_, e) =>
        {
            formation.Append(e.Data);
            if (e.Data is { } line && line.IndexOf('=', StringComparison.Ordinal) is > 0 and var at && !line.StartsWith("==", StringComparison.Ordinal))
            {
                lock (formation._values)
                {
                    formation._values[line[..at]] = line[(at + 1)..];
                }
            }

            if (e.Data == "== ready")
            {
                ready.TrySetResult();
            }
        };
        formation._script.ErrorDataReceived += (_, e) => formation.Append(e.Data);
        formation._script.BeginOutputReadLine();
        formation._script.BeginErrorReadLine();
        // The secondary's base backup and the first checkpoints take their time on a loaded machine.
        if (!ready.Task.Wait(TimeSpan.FromMinutes(8)) || formation._script.HasExited)
        {
            var output = formation.Output;
            formation.Dispose();
            throw new InvalidOperationException("the pg_auto_failover formation did not start:\n" + output);
        }

        return formation;
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>Closing the script's input ends its wait: its exit trap stops the formation and removes its folder.</summary>
    public void Dispose()
    {
        if (!_script.HasExited)
        {
            _script.StandardInput.Close();
            if (!_script.WaitForExit(TimeSpan.FromMinutes(1)))
            {
                _script.Kill(entireProcessTree: true);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "scripts", "failover-throwaway.sh")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("scripts/failover-throwaway.sh not found above " + AppContext.BaseDirectory);
    }
}
