using Luoshi.Data;
using Luoshi.Features.Shared.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Record;

/// <summary>
/// Runs the full re-checks the offices queue: the same <see cref="Verifier.VerifyAsync"/> as the
/// command line (chains with SHA-256 and SM3 entries, SM2 seals, rows, coverage, anchors, signed
/// bulletins, evidence files), for one unit, telling its progress to the check's row. Off the poll
/// (<see cref="OffThePoll"/>), so the seals and the outbox do not wait behind it.
/// </summary>
internal sealed class RecordFullCheckJob(IServiceScopeFactory scopes, RecordAnchorer anchorer, IEnumerable<RecordFileCheck> fileChecks,
    IEnumerable<RecordSignatureCheck> signatureChecks, TimeProvider time, ILogger<RecordFullCheckJob> log) : IPolledJob
{
    private readonly OffThePoll _off = new(log, "留痕全面复核");

    public string Name => "留痕全面复核";

    public Task RunAsync(CancellationToken ct) => _off.DrainAsync(RunNextAsync, ct);

    /// <summary>Takes one waiting check and runs it to the end; false when none was waiting.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        if (await RecordFullChecks.ClaimAsync(db, time.GetUtcNow().UtcDateTime, ct) is not { } check)
        {
            return false;
        }

        var checks = db.Set<RecordCheck>();
        Task Progress(long done, long total)
        {
            var now = time.GetUtcNow().UtcDateTime;
            return checks.Where(c => c.Id == check.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Done, done).SetProperty(c => c.Total, total).SetProperty(c => c.HeartbeatAt, now), ct);
        }

        await Progress(0, await db.RecordEntries.LongCountAsync(e => e.UnitId == check.UnitId && e.Seq != null, ct));
        var result = await Verifier.VerifyAsync(db, check.UnitId, ct, RecordAnchors.Read(anchorer.File), RecordFileChecks.Together(fileChecks), signatureChecks, Progress);
        var now = time.GetUtcNow().UtcDateTime;
        RecordFullChecks.Finish(check, result, now);
        checks.Update(check);
        if (result.Intact && result.Reached is { } reached)
        {
            RecordCheckpoints.Note(db, check.UnitId, reached, check.QueuedById, now, full: true);
        }

        await db.SaveChangesAsync(ct);
        log.LogInformation("留痕全面复核 {Check}（单位 {Unit}）：{Entries} 条，{Broken} 处不符", check.Id, check.UnitId, result.Entries, result.Broken.Count);
        return true;
    }
}
