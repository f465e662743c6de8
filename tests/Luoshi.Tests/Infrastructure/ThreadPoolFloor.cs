using System.Runtime.CompilerServices;

namespace Luoshi.Tests.Infrastructure;

/// <summary>
/// The test host serves several apps at once (Kestrel for the browser journeys, in-memory servers for
/// the API tests) while tests run in parallel. SQLite's "async" calls run synchronously on pool threads
/// and may sleep in its busy handler while another test writes, so on two cores the pool's slow growth
/// (about one thread a second) can leave a page request queued for many seconds. A higher floor lets
/// the pool start those threads at once.
/// </summary>
internal static class ThreadPoolFloor
{
    [ModuleInitializer]
    internal static void Raise()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
    }
}
