using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Notices;

/// <summary>A person's notices: the header's unread count and the inbox page and API.</summary>
internal sealed class Inbox(LuoshiDb db, TimeProvider time)
{
    public Task<int> UnreadCountAsync(Viewer viewer, CancellationToken ct = default) =>
        db.Notices.CountAsync(n => n.UnitId == viewer.UnitId && n.RecipientId == viewer.PersonId && n.ReadAt == null, ct);

    public Task<List<Notice>> ListAsync(Viewer viewer, bool unreadOnly, int take, CancellationToken ct = default) =>
        db.Notices.AsNoTracking()
            .Where(n => n.UnitId == viewer.UnitId && n.RecipientId == viewer.PersonId && (!unreadOnly || n.ReadAt == null))
            .OrderByDescending(n => n.Id).Take(take).ToListAsync(ct);

    /// <summary>Where the viewer's own notice opens when it concerns no task; null for another person's notice or none set.</summary>
    public async Task<string?> LinkAsync(Viewer viewer, long id, CancellationToken ct = default)
    {
        var link = await db.Notices.Where(n => n.UnitId == viewer.UnitId && n.RecipientId == viewer.PersonId && n.Id == id).Select(n => n.Link).FirstOrDefaultAsync(ct);
        // Only a path of this app: a stored link never sends the reader elsewhere.
        return link is not null && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.Contains('\\', StringComparison.Ordinal) ? link : null;
    }

    /// <summary>Marks one notice (or, with no id, all unread ones of the viewer) read; returns 0 for another person's notice. Reading twice keeps the first time.</summary>
    public async Task<int> MarkReadAsync(Viewer viewer, long? id, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Notices
            .Where(n => n.UnitId == viewer.UnitId && n.RecipientId == viewer.PersonId && (id == null ? n.ReadAt == null : n.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, n => n.ReadAt ?? now), ct);
    }
}
