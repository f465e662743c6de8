using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Net.Http.Json;
using Luoshi.Data;
using Npgsql;

namespace Luoshi.Bench;

/// <summary>The real app on Kestrel on a loopback port, against a fresh PostgreSQL database.</summary>
internal sealed partial class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchServer(WebApplication app, string baseAddress, string connectionString)
    {
        _app = app;
        BaseAddress = baseAddress;
        ConnectionString = connectionString;
    }

    public string BaseAddress { get; }
    public string ConnectionString { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<BenchServer> StartAsync(string maintenanceConnection)
    {
        var name = $"luoshi_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await using (var connection = new NpgsqlConnection(maintenanceConnection))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name}", connection).ExecuteNonQueryAsync();
        }

        return await OpenAsync(maintenanceConnection, name);
    }

    /// <summary>The app on a database an earlier run generated (see PagesBench's --database).</summary>
    public static Task<BenchServer> AttachAsync(string maintenanceConnection, string name) => OpenAsync(maintenanceConnection, name);

    private static async Task<BenchServer> OpenAsync(string maintenanceConnection, string name)
    {
        var database = new NpgsqlConnectionStringBuilder(maintenanceConnection) { Database = name, MaxPoolSize = 64 }.ConnectionString;
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("luoshi-bench-").FullName;
        var app = App.Build([
            $"--urls=http://127.0.0.1:{port}", $"--ConnectionStrings:Luoshi={database}", "--Demo:SeedOnFirstRun=false", "--Scheduler:Enabled=false", "--Login:RequireTwoFactor=false",
            // A mail server is named so that notices write their email rows; nothing is sent (no scheduler).
            "--Notices:Smtp:Host=127.0.0.1", "--Notices:Smtp:From=bench@luoshi.local",
            $"--DataProtection:Folder={folder}/keys", $"--Evidence:Folder={folder}/evidence", "--Logging:LogLevel:Default=Warning",
        ]);
        await Startup.MigrateAsync(app.Services);
        await app.StartAsync();
        return new BenchServer(app, $"http://127.0.0.1:{port}", database);
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(BaseAddress),
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A client holding the cookie of a login made through the page, as a browser would (the
    /// bench logins' password); up to 256 connections, so one client serves a scenario's many callers.</summary>
    public async Task<HttpClient> SignInAsync(string login)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 256 })
        {
            BaseAddress = new Uri(BaseAddress),
        };
        await SignInThroughThePageAsync(client, login);
        return client;
    }

    /// <summary>Signs <paramref name="client"/> (which keeps cookies, no redirects) in through the login page with the bench password.</summary>
    internal static async Task SignInThroughThePageAsync(HttpClient client, string login)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = login, ["Password"] = Generator.Password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"login {login}: {response.StatusCode}");
        }
    }

    public async Task<string> TokenAsync(string userName, string password)
    {
        using var client = Client();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record TokenBody(string AccessToken);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
