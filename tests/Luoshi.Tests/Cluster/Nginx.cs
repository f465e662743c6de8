using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Luoshi.Tests.Cluster;

/// <summary>nginx in front of app processes, on loopback, as the current user, with the configuration
/// <c>scripts/cluster.sh</c> writes for a deployment (so the test checks what is deployed).</summary>
internal sealed class Nginx : IDisposable
{
    private readonly string _folder;

    private Nginx(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    /// <summary>The nginx binary, or null when it is not installed.</summary>
    public static string? Path { get; } = new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    public int Port { get; }

    public string Address => $"http://127.0.0.1:{Port}";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static Nginx Start(string folder, params int[] upstreams)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "nginx-tmp"));
        var port = FreePort();
        var config = Run("bash", [System.IO.Path.Combine(RepositoryRoot(), "scripts", "cluster.sh"), "nginx-conf", folder, port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. upstreams.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        File.WriteAllText(System.IO.Path.Combine(folder, "nginx.conf"), config);
        Run(Path!, [.. Arguments(folder)]);
        return new Nginx(folder, port);
    }

    private static IEnumerable<string> Arguments(string folder) =>
        ["-e", System.IO.Path.Combine(folder, "nginx-error.log"), "-p", folder, "-c", System.IO.Path.Combine(folder, "nginx.conf")];

    /// <summary>What nginx logged (its own errors, such as an instance it could not reach).</summary>
    public string ErrorLog => File.Exists(System.IO.Path.Combine(_folder, "nginx-error.log")) ? File.ReadAllText(System.IO.Path.Combine(_folder, "nginx-error.log")) : "";

    public void Dispose()
    {
        if (File.Exists(System.IO.Path.Combine(_folder, "nginx.pid")))
        {
            Run(Path!, [.. Arguments(_folder), "-s", "stop"]);
        }
    }

    private static string Run(string file, string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), $"{file} {string.Join(' ', args)} did not end");
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)}: exit {process.ExitCode}\n{error.Result}");
        return output.Result;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "scripts", "cluster.sh")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("scripts/cluster.sh not found above " + AppContext.BaseDirectory);
    }
}
