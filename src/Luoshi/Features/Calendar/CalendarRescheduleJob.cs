using Luoshi.Data;
using Luoshi.Features.Shared.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Calendar;

/// <summary>
/// Runs the queued reschedules: every <see cref="ICalendarChanged"/> listener (the lights) for the
/// unit, in their own batches, telling the progress to the reschedule's row. Off the poll
/// (<see cref="OffThePoll"/>), so the outbox and the seals do not wait behind a large unit.
/// </summary>
internal sealed class CalendarRescheduleJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<CalendarRescheduleJob> log) : IPolledJob
{
    private readonly OffThePoll _off = new(log, "节假日变更后重算时限");

    public string Name => "节假日变更后重算时限";

    public Task RunAsync(CancellationToken ct) => _off.DrainAsync(RunNextAsync, ct);

    /// <summary>Takes one waiting reschedule and runs it to the end; false when none was waiting.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        if (await CalendarReschedules.ClaimAsync(db, time.GetUtcNow().UtcDateTime, ct) is not { } run)
        {
            return false;
        }

        var rows = db.Set<CalendarReschedule>();
        Task Progress(int done, int total)
        {
            var now = time.GetUtcNow().UtcDateTime;
            return rows.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Done, done).SetProperty(r => r.Total, total).SetProperty(r => r.HeartbeatAt, now), ct);
        }

        foreach (var listener in scope.ServiceProvider.GetServices<ICalendarChanged>())
        {
            await listener.AfterChangeAsync(run.UnitId, Progress, ct);
        }

        var finished = time.GetUtcNow().UtcDateTime;
        await rows.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RescheduleState.Done).SetProperty(r => r.FinishedAt, finished).SetProperty(r => r.HeartbeatAt, finished), ct);
        log.LogInformation("单位 {Unit} 的节假日变更已重算完毕（{Edits} 次修改）", run.UnitId, run.Edits);
        return true;
    }
}
