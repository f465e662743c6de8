using System.Runtime.CompilerServices;

namespace Luoshi.Tests.Infrastructure;

/// <summary>Settings of the test process itself, made before any test or app host starts.</summary>
internal static class TestProcessDefaults
{
    [ModuleInitializer]
    internal static void Apply()
    {
        // The test host serves several apps at once (Kestrel for the browser journeys, in-memory servers for
        // the API tests) while tests run in parallel. SQLite's "async" calls run synchronously on pool threads
        // and may sleep in its busy handler while another test writes, so on two cores the pool's slow growth
        // (about one thread a second) can leave a page request queued for many seconds.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));

        // Each app host would watch its appsettings files with an inotify instance of its own; the suite
        // builds well over a hundred hosts in one process, past Linux's default 128 instances per user
        // (a full CI run failed there). Tests never edit the settings files of a running app.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
