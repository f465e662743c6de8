using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Caching.Memory;

namespace Luoshi.Data;

/// <summary>
/// What this process has to tell the other instances: that it wrote (its <see cref="WriteGeneration"/>
/// moved), and which shared cache entries it dropped (a unit's calendar, a plan). Raising is a flag, not
/// a queue: however many writes happen while the <see cref="WriteListener"/> is sending, one notice
/// follows them, so a burst of writes costs a notice every few milliseconds, not one per write. With no
/// listener running (SQLite, or <c>Cluster:Notify</c> off) nothing is kept.
/// </summary>
internal static class ClusterSignal
{
    /// <summary>The PostgreSQL channel every instance listens on.</summary>
    public const string ChannelName = "luoshi_writes";

    /// <summary>Stands for every cache entry: the receiver clears its cache (a notice lost to a broken
    /// connection, or too many names for one payload).</summary>
    public const string Everything = "*";

    /// <summary>PostgreSQL caps a payload at 8,000 bytes; past this many characters the names are dropped for <see cref="Everything"/>.</summary>
    public const int MaxPayload = 7000;

    /// <summary>This process among the instances: its own notices come back to it and are ignored.</summary>
    public static readonly string Instance = Guid.NewGuid().ToString("N")[..16];

    private static readonly Channel<bool> Raised = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private static readonly ConcurrentQueue<string> Evicted = new();
    private static int _senders;

    private static bool Heard => Volatile.Read(ref _senders) > 0;

    /// <summary>This process wrote: the others are told soon (called on every write; cheap).</summary>
    public static void Raise()
    {
        if (Heard)
        {
            Raised.Writer.TryWrite(true);
        }
    }

    /// <summary>Drops a shared entry here at once and in the other instances with the next notice.</summary>
    public static void Evict(IMemoryCache cache, string key)
    {
        cache.Remove(key);
        if (Heard)
        {
            Evicted.Enqueue(key);
            Raise();
        }
    }

    /// <summary>Held by the sender for as long as it runs: only then are writes noted.</summary>
    internal static IDisposable Sending()
    {
        Interlocked.Increment(ref _senders);
        return new Release();
    }

    /// <summary>Waits until something was raised since the last take.</summary>
    internal static async ValueTask WaitAsync(CancellationToken ct)
    {
        await Raised.Reader.ReadAsync(ct);
    }

    /// <summary>The payload of the next notice: this instance, then the dropped entries (or <see cref="Everything"/>).</summary>
    internal static string TakePayload(bool everything)
    {
        var keys = new List<string>();
        var length = 0;
        while (Evicted.TryDequeue(out var key))
        {
            length += key.Length + 1;
            keys.Add(key);
        }

        if (everything || length > MaxPayload)
        {
            return Instance + "|" + Everything;
        }

        return keys.Count == 0 ? Instance : Instance + "|" + string.Join(',', keys.Distinct());
    }

    /// <summary>Who sent a payload and the entries it names.</summary>
    internal static (string Sender, string[] Keys) Parse(string payload)
    {
        var bar = payload.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (payload, []) : (payload[..bar], payload[(bar + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    private sealed class Release : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Interlocked.Decrement(ref _senders);
            }
        }
    }
}
