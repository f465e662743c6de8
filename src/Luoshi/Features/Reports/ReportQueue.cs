using System.Threading.Channels;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Luoshi.Features.Reports;

/// <summary>
/// Group commit of reports. Reports submitted at the same moment wait here and are written together by
/// one of at most <see cref="Writers"/> writers, in batches of up to <see cref="MaxBatch"/>
/// (<see cref="ReportSubmitter.SubmitManyAsync"/>: one lock statement, one read of the tasks per person,
/// one save, one commit for all of them). A report that arrives alone is written alone, at once. Under load
/// the work of a transaction (its round trips, its commit) is shared by the reports that arrived while the
/// previous batch was being written, which is what lets one instance take a thousand reports a second.
/// <para>Each report gets the answer it would have got alone: the rules run per report, in arrival
/// order. When a batch's save fails (a lost race, a deadlock on a parent task), nothing of it was
/// committed, and its reports are written again one at a time, each with its own answer. A failure at or
/// after the commit is passed to every report of the batch, as it would be to a single one: the commit may
/// have happened, and writing them again could write them twice.</para>
/// <para>A request with an <c>Idempotency-Key</c> is not queued (its own context must save its writes, to
/// mark its key in the same transaction): see <see cref="ReportsApi"/>.</para>
/// </summary>
internal sealed class ReportQueue(IServiceScopeFactory scopes, IServiceProvider services)
{
    public const int MaxBatch = 32;
    public const int Writers = 2;

    private readonly Channel<Waiting> _waiting = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = false });
    private int _writers;

    /// <summary>A report waiting to be written, and its answer once it is.</summary>
    internal sealed record Waiting(ReportRequest Request, CancellationToken Abandoned = default)
    {
        public TaskCompletionSource<Outcome<ProgressReport>> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task<Outcome<ProgressReport>> SubmitAsync(Viewer viewer, int taskId, ReportInput input, CancellationToken ct = default)
    {
        var waiting = new Waiting(new ReportRequest(viewer, taskId, input), ct);
        _waiting.Writer.TryWrite(waiting);
        StartWriter();
        var outcome = await waiting.Answer.Task;
        if (outcome.Kind == OutcomeKind.Ok)
        {
            // The write was made on the batch's context: this request's next reads must still see it.
            services.GetService<ReadYourWrites>()?.MarkWritten();
        }

        return outcome;
    }

    private void StartWriter()
    {
        while (true)
        {
            var running = Volatile.Read(ref _writers);
            if (running >= Writers || !_waiting.Reader.TryPeek(out _))
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _writers, running + 1, running) == running)
            {
                // Not in the request's execution context: the batch belongs to no one request (its user, its
                // HttpContext), and it outlives a request that gives up waiting.
                using (ExecutionContext.SuppressFlow())
                {
                    _ = Task.Run(WriteWhileWaitingAsync);
                }

                return;
            }
        }
    }

    private async Task WriteWhileWaitingAsync()
    {
        try
        {
            while (Take() is { Count: > 0 } batch)
            {
                await WriteAsync(batch);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _writers);
            // A report queued after this writer found the queue empty, while it still counted itself.
            StartWriter();
        }
    }

    private List<Waiting> Take()
    {
        var batch = new List<Waiting>();
        while (batch.Count < MaxBatch && _waiting.Reader.TryRead(out var waiting))
        {
            if (waiting.Abandoned.IsCancellationRequested)
            {
                waiting.Answer.TrySetCanceled(waiting.Abandoned);
            }
            else
            {
                batch.Add(waiting);
            }
        }

        return batch;
    }

    /// <summary>Writes one batch and answers each of its reports.</summary>
    internal async Task WriteAsync(List<Waiting> batch)
    {
        try
        {
            var outcomes = await SubmitAsync([.. batch.Select(w => w.Request)]);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Answer.TrySetResult(outcomes[i]);
            }
        }
        catch (Exception e) when (batch.Count > 1 && RolledBack(e))
        {
            foreach (var waiting in batch)
            {
                await WriteAsync([waiting]);
            }
        }
        catch (Exception e)
        {
            batch.ForEach(w => w.Answer.TrySetException(e));
        }
    }

    private async Task<Outcome<ProgressReport>[]> SubmitAsync(List<ReportRequest> requests)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportSubmitter>().SubmitManyAsync(requests, CancellationToken.None);
    }

    /// <summary>Failures that happen before the commit is asked for: the save itself, or a lock that deadlocked.</summary>
    private static bool RolledBack(Exception e) =>
        e is DbUpdateException || e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };
}
