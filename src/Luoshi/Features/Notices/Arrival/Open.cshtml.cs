using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Notices.Arrival;

/// <summary>
/// The tracked link of a message (/n/{token}, see <see cref="TrackedLinks"/>). Sign-in comes first (the
/// app's fallback policy sends a stranger to the login and back here), so a mail scanner that follows
/// links marks nothing. The recipient's notice is marked read, by 邮件 or by 确认 (a robot's 已阅); then
/// the link goes where the notice points. An unknown token, or one of another unit, is not found.
/// </summary>
internal sealed class OpenModel(LuoshiDb db, Inbox inbox, CurrentViewer current) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (!TrackedLinks.LooksLikeToken(token))
        {
            return NotFound();
        }

        var viewer = await current.RequireAsync(ct);
        var found = await db.NoticeDeliveries.AsNoTracking()
            .Where(d => d.ReadToken == token && d.UnitId == viewer.UnitId)
            .Join(db.Notices, d => d.NoticeId, n => n.Id, (d, n) => new { d.Channel, Notice = n })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return NotFound();
        }

        if (found.Notice.RecipientId == viewer.PersonId)
        {
            await inbox.MarkReadAsync(viewer, found.Notice.Id, found.Channel == Channels.EmailChannel.ChannelName ? NoticeReadVia.Email : NoticeReadVia.Acknowledged, ct);
        }

        return Redirect(TrackedLinks.Target(found.Notice));
    }
}
