using Luoshi.Data;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Supervision;

/// <summary>
/// The people a sheet or an instruction concerns, and the notices to them, added to the caller's
/// DbContext so that they are saved with the action that raised them. Group robots hear only of
/// 督办-level events; everything else stays in the inbox and email.
/// </summary>
internal sealed class SheetNotices(LuoshiDb db, NoticeOutbox outbox)
{
    /// <summary>The lead section's heads and the task's responsible person.</summary>
    public async Task<List<int>> SectionAsync(WorkTask task, CancellationToken ct)
    {
        var heads = await db.People.Where(p => p.UnitId == task.UnitId && p.IsActive && p.SectionId == task.LeadSectionId && p.Role == Role.SectionHead)
            .Select(p => p.Id).ToListAsync(ct);
        return task.ResponsiblePersonId is { } r ? [r, .. heads] : heads;
    }

    /// <summary>The task's lead leader, or else the leaders in charge of its lead section (never for an item
    /// under a 知悉范围, which they may not read).</summary>
    public async Task<List<int>> LeadersAsync(WorkTask task, CancellationToken ct) =>
        task.LeadLeaderId is { } leader
            ? [leader]
            : task.Restricted ? [] : await db.LeaderCharges.Where(c => c.UnitId == task.UnitId && c.SectionId == task.LeadSectionId).Select(c => c.LeaderId).ToListAsync(ct);

    public Task<List<int>> OfficeAsync(int unitId, CancellationToken ct) =>
        db.People.Where(p => p.UnitId == unitId && p.IsActive && p.Role == Role.Admin).Select(p => p.Id).ToListAsync(ct);

    /// <summary>The office as far as it may read the task: all of it, or for a restricted task (a 批示件 with
    /// its 知悉范围) only the office people named among its readers; the rest of the office does not see it.</summary>
    public Task<List<int>> OfficeOfAsync(WorkTask task, CancellationToken ct) => task.Restricted
        ? db.People.Where(p => p.UnitId == task.UnitId && p.IsActive && p.Role == Role.Admin
            && db.TaskReaders.Any(r => r.UnitId == task.UnitId && r.TaskId == task.Id && r.PersonId == p.Id)).Select(p => p.Id).ToListAsync(ct)
        : OfficeAsync(task.UnitId, ct);

    /// <summary>Adds one notice per person (and its outbox rows) to the context; returns the notices.</summary>
    public async Task<List<Notice>> AddAsync(IEnumerable<int> personIds, Notice template, bool robots, DateTime now, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => p.UnitId == template.UnitId && p.IsActive && ids.Contains(p.Id)).ToListAsync(ct);
        var routes = await outbox.RoutesAsync(template.UnitId, ct);
        var batch = new NoticeBatch();
        var added = NoticeOutbox.Add(batch, robots ? routes : routes with { Groups = [] }, people, template, now);
        batch.AddTo(db);
        return added;
    }
}

internal static class FormalDate
{
    /// <summary>2026年11月30日: the form of a date on a document that is sent out.</summary>
    public static string Of(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
