using Luoshi.Data;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Record;

/// <summary>Queuing a unit's full re-check, and taking one up to run (<see cref="RecordFullCheckJob"/>).</summary>
internal static class RecordFullChecks
{
    /// <summary>A running check whose heartbeat is older than this lost its instance and is taken up again.</summary>
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(5);

    /// <summary>The unit's waiting or running check, or a new one: a second click shows the first.</summary>
    public static async Task<(long Id, bool Queued)> QueueAsync(LuoshiDb db, int unitId, int? by, DateTime now, CancellationToken ct)
    {
        if (await PendingAsync(db, unitId, ct) is { } waiting)
        {
            return (waiting, false);
        }

        var check = new RecordCheck { UnitId = unitId, QueuedById = by, QueuedAt = now, State = RecordCheckState.Queued };
        db.Set<RecordCheck>().Add(check);
        try
        {
            await db.SaveChangesAsync(ct);
            return (check.Id, true);
        }
        catch (DbUpdateException e) when (e.LostRace())
        {
            db.Entry(check).State = EntityState.Detached;
            return (await PendingAsync(db, unitId, ct) ?? throw new InvalidOperationException("全面复核排队失败", e), false);
        }
    }

    private static Task<long?> PendingAsync(LuoshiDb db, int unitId, CancellationToken ct) =>
        db.Set<RecordCheck>().Where(c => c.UnitId == unitId && c.State < RecordCheckState.Intact).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);

    /// <summary>Takes the oldest waiting check (or one whose instance died) for this instance; null when none.
    /// The conditional update lets only one instance take it.</summary>
    public static async Task<RecordCheck?> ClaimAsync(LuoshiDb db, DateTime now, CancellationToken ct)
    {
        var stale = now - Stale;
        var candidates = await db.Set<RecordCheck>().AsNoTracking()
            .Where(c => c.State == RecordCheckState.Queued || (c.State == RecordCheckState.Running && c.HeartbeatAt < stale))
            .OrderBy(c => c.Id).Take(5).ToListAsync(ct);
        foreach (var c in candidates)
        {
            var taken = await db.Set<RecordCheck>()
                .Where(x => x.Id == c.Id && x.State == c.State && x.HeartbeatAt == c.HeartbeatAt)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, RecordCheckState.Running).SetProperty(x => x.StartedAt, now)
                    .SetProperty(x => x.HeartbeatAt, now).SetProperty(x => x.Done, 0L), ct);
            if (taken == 1)
            {
                c.State = RecordCheckState.Running;
                c.StartedAt = c.HeartbeatAt = now;
                return c;
            }
        }

        return null;
    }

    /// <summary>The first break's place and what differed, cut to fit the column.</summary>
    public static void Finish(RecordCheck check, Verification result, DateTime now)
    {
        check.State = result.Intact ? RecordCheckState.Intact : RecordCheckState.Broken;
        check.FinishedAt = check.HeartbeatAt = now;
        check.Done = check.Total = result.Entries;
        check.BrokenCount = result.Broken.Count;
        if (result.FirstBroken is { } first)
        {
            check.FirstSeq = first.Seq;
            check.FirstEntryId = first.EntryId;
            check.FirstKind = first.Kind.Length > 40 ? first.Kind[..40] : first.Kind;
            check.FirstEntityKey = first.EntityKey.Length > 100 ? first.EntityKey[..100] : first.EntityKey;
            var what = first.Changes.Count > 0 ? $"数据库中的当前记录与所记内容不符：{string.Join("；", first.Changes)}" : first.What;
            check.FirstWhat = what.Length > RecordCheck.MaxWhat ? what[..RecordCheck.MaxWhat] : what;
        }
    }
}
