using System.Collections.Concurrent;
using Luoshi.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Luoshi.Tests.Infrastructure;

/// <summary>
/// The app on a real database. One per provider for the whole run (a SQLite file, or a database on
/// the PostgreSQL server the test script started); tests stay apart by each making its own bureau,
/// which is what the unit id is for.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    /// <summary>Monday 11 May 2026, 10:00 in Beijing: the fixed "now" of the integration tests.</summary>
    public static readonly DateTimeOffset Now = new(2026, 5, 11, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.DateTime);

    private static readonly ConcurrentDictionary<string, Lazy<TestApp>> Apps = new();

    private readonly string _folder = Directory.CreateTempSubdirectory("luoshi-test-").FullName;

    private TestApp(string provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Clock = new FakeTimeProvider(Now);
        Clock.SetLocalTimeZone(TimeZoneInfo.Utc);
    }

    public string Provider { get; }

    /// <summary>This app's own anchor file, for commands run against its database (never the default
    /// file beside the test binaries, which would mix databases).</summary>
    public string AnchorFile => Path.Combine(_folder, "record-anchors.log");
    public string ConnectionString { get; }
    public FakeTimeProvider Clock { get; }

    /// <summary>What the app logged (only the "security-log" app records it).</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>For a real browser: the app on Kestrel, on a free loopback port (SQLite). "journey" and
    /// "sweep" hold a demo bureau each (see Browser/DemoSite); "browser" holds small test bureaus.</summary>
    public string? BaseAddress { get; private set; }

    /// <summary>The providers every integration test runs on.</summary>
    public static TheoryData<string> Databases => ["sqlite", "postgres"];

    /// <summary>The SM4 key of the 国密 apps (Crypto:Sm4Key).</summary>
    public const string GuomiSm4Key = "8f3a0c5e1b7d29f4a6c80e1d3b5f7a92";

    /// <summary>An app with 国密 on (Crypto:Guomi) on a database of its own; "switch-guomi-…" shares
    /// the database of "switch-plain-…", so a chain can be started without 国密 and continued with it.</summary>
    public static TestApp Guomi(string provider) => For("guomi-" + provider);

    public static TestApp For(string provider) => Apps.GetOrAdd(provider, p => new Lazy<TestApp>(() => Create(p))).Value;

    private static TestApp Create(string provider)
    {
        var app = provider switch
        {
            "sqlite" => new TestApp(provider, $"Data Source={Path.Combine(Path.GetTempPath(), $"luoshi-test-{Guid.NewGuid():N}.db")}"),
            "postgres" => new TestApp(provider, Postgres.NewDatabase()),
            // On the primary of a streaming replica, reading the replica (Cluster/ReplicaTests).
            "replica" or "replica-browser" => new TestApp(provider, Cluster.ReplicaServers.Shared.NewDatabase()),
            // Databases of their own: app processes started by the test share one (the kill test); the
            // demo bureau's logins have fixed names, so a demo needs a database to itself.
            "kill" or "cluster" or "keys-postgres" or "demo-postgres" or "twofactor-postgres" or "sessions-clock-postgres" or "evidence-clock-postgres" => new TestApp(provider, Postgres.NewDatabase()),
            // Apps of their own, for a browser (Kestrel) and for a test that moves the clock.
            "browser" or "journey" or "sweep" or "guide" or "clock" or "demo" or "demo-sqlite" or "travel" or "firstday-browser" or "travel-sign" or "travel-return" or "outbox" or "ratelimit" or "sessions-clock" or "loginlimit" or "security-log" or "twofactor" or "twofactor-browser" or "ceiling" or "evidence-clock" or "oidc-browser" => new TestApp(provider, $"Data Source={Path.Combine(Path.GetTempPath(), $"luoshi-{provider}-{Guid.NewGuid():N}.db")}"),
            // The pg_auto_failover formation's database, reached through its multi-host connection string.
            "failover" => new TestApp(provider, Cluster.Formation.Shared.ConnectionString),
            "guomi-sqlite" or "switch-plain-sqlite" => new TestApp(provider, $"Data Source={Path.Combine(Path.GetTempPath(), $"luoshi-{provider}-{Guid.NewGuid():N}.db")}"),
            "guomi-postgres" or "switch-plain-postgres" => new TestApp(provider, Postgres.NewDatabase()),
            "switch-guomi-sqlite" or "switch-guomi-postgres" => new TestApp(provider, For(provider.Replace("guomi", "plain", StringComparison.Ordinal)).ConnectionString),
            // The first-day tests move their clocks each its own way: an app per test and database.
            var p when p.StartsWith("firstday-", StringComparison.Ordinal) && p.EndsWith("-postgres", StringComparison.Ordinal) => new TestApp(provider, Postgres.NewDatabase()),
            // So are the 消息必达 tests (Notices/MustArriveTests), each test on its own clock.
            var p when p.StartsWith("arrive-", StringComparison.Ordinal) && p.EndsWith("-postgres", StringComparison.Ordinal) => new TestApp(provider, Postgres.NewDatabase()),
            var p when p.StartsWith("arrive-", StringComparison.Ordinal) => new TestApp(provider, $"Data Source={Path.Combine(Path.GetTempPath(), $"luoshi-{provider}-{Guid.NewGuid():N}.db")}"),
            // The stored 考核 results' test moves the clock a day.
            "assess-clock" => new TestApp(provider, $"Data Source={Path.Combine(Path.GetTempPath(), $"luoshi-{provider}-{Guid.NewGuid():N}.db")}"),
            "assess-clock-postgres" => new TestApp(provider, Postgres.NewDatabase()),
            var p when p.StartsWith("firstday-", StringComparison.Ordinal) => new TestApp(provider, $"Data Source={Path.Combine(Path.GetTempPath(), $"luoshi-{provider}-{Guid.NewGuid():N}.db")}"),
            _ => throw new ArgumentException(provider),
        };
        if (provider is "browser" or "replica-browser" or "journey" or "firstday-browser" or "sweep" or "guide" or "twofactor-browser" or "oidc-browser")
        {
            app.UseKestrel(0);
            app.StartServer();
            var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!;
            app.BaseAddress = addresses.Addresses.First();
            if (provider == "oidc-browser")
            {
                SignOn.OidcProvider.Shared.AllowRedirect(app.BaseAddress.TrimEnd('/') + "/signin-oidc");
            }
        }

        _ = app.Services; // builds the host
        Startup.PrepareAsync(app.Services, TextWriter.Null).GetAwaiter().GetResult();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Luoshi", ConnectionString);
        builder.UseSetting("Demo:SeedOnFirstRun", "false");
        if (Provider.StartsWith("replica", StringComparison.Ordinal))
        {
            builder.UseSetting("ConnectionStrings:LuoshiRead", Cluster.ReplicaServers.Shared.ReadOf(ConnectionString));
            // Lag is real time on a busy machine: the tests that pause replay must not fall back on it.
            builder.UseSetting("Database:ReplicaMaxLagSeconds", "3600");
        }

        builder.UseSetting("Unit:Name", "测试引导单位");
        builder.UseSetting("DataProtection:Folder", Path.Combine(_folder, "keys"));
        builder.UseSetting("Evidence:Folder", Path.Combine(_folder, "evidence"));
        builder.UseSetting("Record:AnchorFile", AnchorFile);
        builder.UseSetting("Evidence:MaxBytes", (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests run the escalation, the reviews and the sending themselves, on the days they choose.
        builder.UseSetting("Scheduler:Enabled", "false");
        // The apps of this process share one write generation already; no NOTIFY/LISTEN connections per app.
        builder.UseSetting("Cluster:Notify", "false");
        // Tests share one address; only the app of its own that tests the limit gets a small one.
        builder.UseSetting("PublicForms:PermitLimit", Provider == "ratelimit" ? "3" : "100000");
        builder.UseSetting("Publication:PermitPerMinute", Provider == "ratelimit" ? "5" : "100000");
        builder.UseSetting("Login:PerAddressPermitLimit", Provider == "loginlimit" ? "6" : "100000");
        builder.UseSetting("Login:PerAccountPermitLimit", Provider == "loginlimit" ? "3" : "100000");
        // The shared bureaus' admins sign in with a password alone; the apps whose names start with
        // "twofactor" require the second factor of the office, as a real deployment does.
        builder.UseSetting("Login:RequireTwoFactor", Provider.StartsWith("twofactor", StringComparison.Ordinal) ? "true" : "false");
        // The first-day tests hold a mass 督办 of a dozen sheets, not of fifty.
        if (Provider.StartsWith("firstday", StringComparison.Ordinal))
        {
            builder.UseSetting("Supervision:MassSupervisionThreshold", "10");
        }

        if (Provider.Contains("guomi", StringComparison.Ordinal))
        {
            builder.UseSetting("Crypto:Guomi", "true");
            builder.UseSetting("Crypto:Sm4Key", GuomiSm4Key);
        }

        // 统一身份认证 against the OpenIddict provider the tests run on loopback (SignOn/OidcProvider).
        if (Provider == "oidc-browser")
        {
            builder.UseSetting("Oidc:Authority", SignOn.OidcProvider.Shared.Authority);
            builder.UseSetting("Oidc:ClientId", SignOn.OidcProvider.ClientId);
            builder.UseSetting("Oidc:ClientSecret", SignOn.OidcProvider.ClientSecret);
            builder.UseSetting("Oidc:RequireHttpsMetadata", "false");
        }

        // Quiet hours would hold the mail of tests that travel to a weekend or a night: only the 消息必达
        // apps (which test them) keep them; their messages carry tracked links under a public address.
        if (Provider.StartsWith("arrive", StringComparison.Ordinal))
        {
            builder.UseSetting("Notices:PublicBaseUrl", "http://luoshi.test");
        }
        else
        {
            builder.UseSetting("Notices:QuietHours:Enabled", "false");
        }

        // The notice channels talk to real receivers on loopback (see WebhookReceiver and Smtp).
        builder.UseSetting("Notices:Webhooks:AllowedTestBases:0", WebhookReceiver.Shared.BaseUrl);
        if (Smtp.Address?.Split(':') is [var host, var port])
        {
            builder.UseSetting("Notices:Smtp:Host", host);
            builder.UseSetting("Notices:Smtp:Port", port);
            builder.UseSetting("Notices:Smtp:From", "duban@luoshi.test");
            builder.UseSetting("Notices:Smtp:SecureSocket", "None");
        }

        if (Provider == "security-log")
        {
            builder.UseSetting("Logging:LogLevel:Luoshi.Security", "Information");
            builder.ConfigureLogging(l => l.AddProvider(Logs));
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // The handler's correlation and nonce cookies carry an Expires that the browser compares
            // with the real clock: dated from the fixed "now" of the tests, it would already be past.
            services.PostConfigure<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>(
                Luoshi.Features.Account.OidcOptions.Scheme, o => o.TimeProvider = TimeProvider.System);
        });
    }
}
