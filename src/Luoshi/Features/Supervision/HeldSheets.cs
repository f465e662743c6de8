using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Supervision;

internal sealed record HeldBySection(string Section, int Count);

/// <summary>
/// The office's answer to a held mass 督办: 确认发出 numbers the held sheets and sends them (with the
/// run's digests), under the same unit lock as the daily run and the manual 督办, so numbers stay
/// consecutive and a second post finds nothing left to send; 暂缓 keeps them held and stops asking
/// until the next working day.
/// </summary>
internal sealed class HeldSheets(LuoshiDb db, WorkingCalendars calendars, NoticeOutbox outbox, BureauClock clock, IOptions<SupervisionOptions> options, IEnumerable<IStepRelay> relays)
{
    /// <summary>What waits, by the lead section of its task (held sheets of tasks done since are dropped when confirming).</summary>
    public async Task<List<HeldBySection>> BySectionAsync(int unitId, CancellationToken ct) =>
        (await db.HeldSheets.AsNoTracking().Where(h => h.UnitId == unitId)
            .Join(db.Tasks.Where(t => t.CompletedOn == null), h => h.TaskId, t => t.Id, (h, t) => t.LeadSectionId)
            .GroupBy(s => s).Select(g => new { Section = g.Key, Count = g.Count() })
            .Join(db.Sections, g => g.Section, s => s.Id, (g, s) => new { s.Name, g.Count, s.Id })
            .ToListAsync(ct))
        .OrderBy(x => x.Id).Select(x => new HeldBySection(x.Name, x.Count)).ToList();

    public async Task<Outcome<int>> ConfirmAsync(Viewer viewer, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<int>.Forbidden("只有办公室（管理员）可以确认发出督办单");
        }

        var unitId = viewer.UnitId;
        var today = clock.Today;
        var calendar = await calendars.ForUnitAsync(db, unitId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await UnitLock.TakeAsync(db, unitId, "escalation", ct);
        var held = await db.HeldSheets.AsNoTracking().Where(h => h.UnitId == unitId).OrderBy(h => h.Id).ToListAsync(ct);
        if (held.Count == 0)
        {
            return Outcome<int>.Conflict("没有待确认的督办单：已经确认发出，或已由他人处理");
        }

        var taskIds = held.Select(h => h.TaskId).Distinct().ToList();
        var tasks = await EscalationCandidate.From(db.Tasks.AsNoTracking().Where(t => t.UnitId == unitId && t.CompletedOn == null && taskIds.Contains(t.Id)))
            .ToDictionaryAsync(t => t.Id, ct);
        var policies = (await db.Plans.AsNoTracking().Where(p => p.UnitId == unitId)
            .Select(p => new { p.Id, p.RemindDaysBefore, p.SuperviseAfterDays, p.SupervisedFrom }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => new EscalationPolicy(p.RemindDaysBefore, p.SuperviseAfterDays, p.SupervisedFrom, options.Value.StartGraceDays));
        var nextSheet = await SheetNumbers.NextAsync(db, unitId, today.Year, ct);
        var writer = new StepWriter(unitId, today, clock.UtcNow, calendar, await EscalationDirectory.LoadAsync(db, unitId, ct),
            await outbox.RoutesAsync(unitId, ct), options.Value.ReplyWithinDays, nextSheet, options.Value.DigestNotices);
        foreach (var sheet in held)
        {
            // A task done while its sheet waited needs no 督办 any more.
            if (tasks.TryGetValue(sheet.TaskId, out var task))
            {
                writer.Raise(task, sheet.Deadline, sheet.DueOn, StepKind.Supervise, policies[task.PlanId], late: false);
            }
        }

        var ids = held.Select(h => h.Id).ToList();
        await db.HeldSheets.Where(h => h.UnitId == unitId && ids.Contains(h.Id)).ExecuteDeleteAsync(ct);
        // A confirmed 督办 on a 交办 reaches its lead unit as the daily run's would have.
        await writer.SaveRelayAndCommitAsync(db, relays, transaction, ct);
        return Outcome<int>.Ok(writer.Steps);
    }

    public async Task<Outcome<int>> DeferAsync(Viewer viewer, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<int>.Forbidden("只有办公室（管理员）可以暂缓督办单");
        }

        var calendar = await calendars.ForUnitAsync(db, viewer.UnitId, ct);
        var until = calendar.OnOrAfter(clock.Today.AddDays(1));
        var count = await db.HeldSheets.Where(h => h.UnitId == viewer.UnitId).ExecuteUpdateAsync(u => u.SetProperty(h => h.DeferredUntil, until), ct);
        return count == 0 ? Outcome<int>.Conflict("没有待确认的督办单：已经确认发出，或已由他人处理") : Outcome<int>.Ok(count);
    }
}
