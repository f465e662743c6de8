using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Notices.Arrival;

/// <summary>The dispatcher's quiet hours: of a claimed batch, the rows that may not go now (each unit
/// on its own calendar) are handed back with the end of the quiet as their next attempt, so they wait
/// in the outbox, unclaimed and without a failed attempt, and go out in the morning.</summary>
internal sealed class QuietDeliveries(WorkingCalendars calendars, BureauClock clock, IOptions<QuietHoursOptions> options)
{
    public async Task<List<NoticeDispatcher.Claimed>> HoldAsync(LuoshiDb db, List<NoticeDispatcher.Claimed> claimed, Guid token, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled || claimed.Count == 0)
        {
            return claimed;
        }

        var now = clock.UtcNow;
        var local = clock.ToLocal(now);
        var exempt = o.ExemptKinds;
        var send = new List<NoticeDispatcher.Claimed>();
        foreach (var unit in claimed.GroupBy(c => c.UnitId))
        {
            var until = QuietHours.HeldUntil(local, o, await calendars.ForUnitAsync(db, unit.Key, ct));
            var held = until is null ? [] : unit.Where(c => !exempt.Contains(c.Kind)).Select(c => c.Id).ToList();
            send.AddRange(unit.Where(c => !held.Contains(c.Id)));
            if (held.Count > 0)
            {
                // The bureau's local instant back to UTC by the same offset as now (Beijing keeps no summer time).
                var at = now + (until!.Value - local);
                await db.NoticeDeliveries.Where(d => held.Contains(d.Id) && d.ClaimedBy == token).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.NextAttemptAt, at).SetProperty(d => d.ClaimedBy, (Guid?)null).SetProperty(d => d.ClaimedUntil, (DateTime?)null), ct);
            }
        }

        return send;
    }
}
