namespace Luoshi.Features.Shared.Jobs;

/// <summary>
/// A polled job's long run (a full re-check, a unit's rescheduling), started by the poll but not
/// awaited by it: the scheduler runs its polled jobs one after another, and the outbox and the
/// record's seals must not wait minutes behind one. One run at a time per job and instance; the next
/// poll after it ends starts the next.
/// </summary>
internal sealed class OffThePoll(ILogger log, string name)
{
    private Task? _running;

    /// <summary>Starts taking the waiting work one piece after another (<paramref name="next"/> runs one and
    /// says whether there was one) unless the last start is still going. Returns at once: for the poll.</summary>
    public Task DrainAsync(Func<CancellationToken, Task<bool>> next, CancellationToken ct)
    {
        if (_running is { IsCompleted: false })
        {
            return Task.CompletedTask;
        }

        _running = Task.Run(async () =>
        {
            try
            {
                while (await next(ct))
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The background job {Job} failed; it will be tried again", name);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }
}
