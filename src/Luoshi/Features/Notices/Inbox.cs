using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Notices;

/// <summary>Which of a person's notices a page of the inbox shows: unread only, some kinds only, and
/// those older than the last one of the page before (keyset paging, newest first).</summary>
internal sealed record InboxFilter(bool UnreadOnly = false, IReadOnlyCollection<NoticeKind>? Kinds = null, long? Before = null);

/// <summary>One page of the inbox; <see cref="NextBefore"/> is the cursor of the next page, if there is one.</summary>
internal sealed record InboxPage(List<Notice> Notices, long? NextBefore);

/// <summary>A person's notices: the header's unread count, the inbox page and API, and reading them.
/// Every read moves the unread counts (<see cref="NoticeCounter"/>) by what it really changed, in its
/// own transaction.</summary>
internal sealed class Inbox(LuoshiDb db, TimeProvider time)
{
    public const int MaxTake = 200;

    /// <summary>The badge: a handful of rows read by key, however many notices there are.</summary>
    public async Task<int> UnreadCountAsync(Viewer viewer, CancellationToken ct = default) =>
        Math.Max(0, await db.NoticeCounters.Where(c => c.UnitId == viewer.UnitId && c.PersonId == viewer.PersonId).SumAsync(c => c.Unread, ct));

    /// <summary>The unread count of each kind that has any.</summary>
    public async Task<Dictionary<NoticeKind, int>> UnreadByKindAsync(Viewer viewer, CancellationToken ct = default) =>
        await db.NoticeCounters.Where(c => c.UnitId == viewer.UnitId && c.PersonId == viewer.PersonId && c.Unread > 0)
            .ToDictionaryAsync(c => c.Kind, c => c.Unread, ct);

    public async Task<InboxPage> PageAsync(Viewer viewer, InboxFilter filter, int take, CancellationToken ct = default)
    {
        take = Math.Clamp(take, 1, MaxTake);
        var query = db.Notices.AsNoTracking().Where(n => n.UnitId == viewer.UnitId && n.RecipientId == viewer.PersonId);
        if (filter.UnreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        if (filter.Kinds is { Count: > 0 } kinds)
        {
            var list = kinds.ToList();
            query = list.Count == 1 ? query.Where(n => n.Kind == list[0]) : query.Where(n => list.Contains(n.Kind));
        }

        if (filter.Before is { } before)
        {
            query = query.Where(n => n.Id < before);
        }

        var notices = await query.OrderByDescending(n => n.Id).Take(take + 1).ToListAsync(ct);
        var more = notices.Count > take;
        if (more)
        {
            notices.RemoveAt(take);
        }

        return new InboxPage(notices, more ? notices[^1].Id : null);
    }

    /// <summary>The viewer's own notice, or null.</summary>
    public Task<Notice?> FindAsync(Viewer viewer, long id, CancellationToken ct = default) =>
        db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.UnitId == viewer.UnitId && n.RecipientId == viewer.PersonId && n.Id == id, ct);

    /// <summary>Where the viewer's own notice opens when it concerns no task; null for another person's notice or none set.</summary>
    public async Task<string?> LinkAsync(Viewer viewer, long id, CancellationToken ct = default)
    {
        var link = await db.Notices.Where(n => n.UnitId == viewer.UnitId && n.RecipientId == viewer.PersonId && n.Id == id).Select(n => n.Link).FirstOrDefaultAsync(ct);
        // Only a path of this app: a stored link never sends the reader elsewhere.
        return link is not null && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.Contains('\\', StringComparison.Ordinal) ? link : null;
    }

    /// <summary>The tasks listed by the digests among the viewer's notices (【催办】3 项任务…), each with its
    /// line, so that the inbox can link every one of them.</summary>
    public async Task<ILookup<long, NoticeDigestItem>> DigestItemsAsync(Viewer viewer, IReadOnlyCollection<Notice> notices, CancellationToken ct = default)
    {
        var ids = notices.Where(n => n.TaskId is null).Select(n => n.Id).ToList();
        if (ids.Count == 0)
        {
            return Array.Empty<NoticeDigestItem>().ToLookup(i => i.NoticeId);
        }

        var items = await db.NoticeDigestItems.AsNoTracking()
            .Where(i => i.UnitId == viewer.UnitId && ids.Contains(i.NoticeId))
            .OrderBy(i => i.Id).ToListAsync(ct);
        return items.ToLookup(i => i.NoticeId);
    }

    /// <summary>Marks one notice of the viewer read; false when it is not his (or does not exist).
    /// Reading twice keeps the first time.</summary>
    public async Task<bool> MarkReadAsync(Viewer viewer, long id, CancellationToken ct = default) =>
        await MarkReadAsync(viewer, id, NoticeReadVia.Inbox, ct);

    /// <summary>The same, saying how it was read (a tracked link of an email or a robot's 已阅).</summary>
    public async Task<bool> MarkReadAsync(Viewer viewer, long id, NoticeReadVia via, CancellationToken ct = default)
    {
        var mine = db.Notices.Where(n => n.UnitId == viewer.UnitId && n.RecipientId == viewer.PersonId && n.Id == id);
        var kind = await mine.Select(n => (NoticeKind?)n.Kind).FirstOrDefaultAsync(ct);
        if (kind is null)
        {
            return false;
        }

        await ReadAsync(viewer, mine, [kind.Value], ct, via);
        return true;
    }

    /// <summary>The viewer opened what notices point at (a task's page, a 督办单): his unread notices about
    /// it, and the digests that list it, are read. One small query when there are none, as usual.</summary>
    public async Task<int> MarkOpenedAsync(Viewer viewer, int? taskId, long? stepId, IReadOnlyCollection<NoticeKind>? only = null, CancellationToken ct = default)
    {
        var unread = db.Notices.Where(n => n.UnitId == viewer.UnitId && n.RecipientId == viewer.PersonId && n.ReadAt == null);
        if (only is { Count: > 0 })
        {
            var list = only.ToList();
            unread = unread.Where(n => list.Contains(n.Kind));
        }

        var digests = db.NoticeDigestItems.Where(i => i.UnitId == viewer.UnitId && ((taskId != null && i.TaskId == taskId) || (stepId != null && i.StepId == stepId))).Select(i => i.NoticeId);
        var about = unread.Where(n => (taskId != null && n.TaskId == taskId) || (stepId != null && n.StepId == stepId) || (n.TaskId == null && digests.Contains(n.Id)));
        var kinds = await about.Select(n => n.Kind).Distinct().ToListAsync(ct);
        return kinds.Count == 0 ? 0 : await ReadAsync(viewer, about, kinds, ct, NoticeReadVia.Inbox);
    }

    /// <summary>Marks every unread notice of the viewer read, or those of the given kinds; returns how many.</summary>
    public Task<int> MarkAllReadAsync(Viewer viewer, IReadOnlyCollection<NoticeKind>? kinds, CancellationToken ct = default) =>
        ReadAsync(viewer, db.Notices.Where(n => n.UnitId == viewer.UnitId && n.RecipientId == viewer.PersonId), kinds is { Count: > 0 } ? kinds : Enum.GetValues<NoticeKind>(), ct);

    /// <summary>Kind by kind, in a fixed order (so that concurrent readers and writers lock the counts in
    /// the same order): the notices that were unread are marked, and the kind's count goes down by
    /// exactly as many rows as the UPDATE changed; a notice another request read first is not counted twice.</summary>
    private async Task<int> ReadAsync(Viewer viewer, IQueryable<Notice> notices, IReadOnlyCollection<NoticeKind> kinds, CancellationToken ct, NoticeReadVia via = NoticeReadVia.Inbox)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (own)
        {
            var total = 0;
            foreach (var kind in kinds.Distinct().Order())
            {
                var read = await notices.Where(n => n.Kind == kind && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now).SetProperty(n => n.ReadVia, via), ct);
                if (read > 0)
                {
                    await db.NoticeCounters.Where(c => c.UnitId == viewer.UnitId && c.PersonId == viewer.PersonId && c.Kind == kind)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.Unread, c => c.Unread - read), ct);
                    total += read;
                }
            }

            if (own is not null)
            {
                await own.CommitAsync(ct);
            }

            return total;
        }
    }
}
