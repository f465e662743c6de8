using Microsoft.Extensions.Options;

namespace Luoshi.Features.Shared;

internal sealed class HeavyInputOptions
{
    /// <summary>Large files (对标 data, documents) read at the same time in this instance.</summary>
    public int AtOnce { get; set; } = 1;

    /// <summary>How long a large file waits for its turn before it is refused in words.</summary>
    public int WaitSeconds { get; set; } = 60;
}

/// <summary>
/// Takes turns for reading large inputs: a 20 MB 对标 table or a 2-million-character document needs a
/// few hundred MB while it is read, so three at once ran a process under a 512 MB heap ceiling out of
/// memory (the per-input bounds alone do not bound their sum). With a turn each, the memory a process
/// needs is that of <see cref="HeavyInputOptions.AtOnce"/> inputs, whatever arrives, and logins and
/// reports, which never wait here, keep answering. A file that does not get its turn in time is
/// refused with <see cref="Busy"/>, not queued without end.
/// </summary>
internal sealed class HeavyInputGate(IOptions<HeavyInputOptions> options) : IDisposable
{
    public const string Busy = "系统正在处理其他大文件，请稍后再试";

    private readonly SemaphoreSlim _turns = new(Math.Max(1, options.Value.AtOnce));

    /// <summary>The turn (dispose it when done), or null when none came within the wait.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken ct) =>
        await _turns.WaitAsync(TimeSpan.FromSeconds(options.Value.WaitSeconds), ct) ? new Turn(_turns) : null;

    public void Dispose() => _turns.Dispose();

    private sealed class Turn(SemaphoreSlim turns) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turns.Release();
            }
        }
    }
}
