using Luoshi.Data;
using Luoshi.Features.Notices;
using Luoshi.Features.Notices.Channels;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Dispatch;

/// <summary>
/// Notices about a 交办 to the office of a unit, which is often not the viewer's unit: the assigning
/// office hears of a signature or a return, the receiving office of a new or decided 交办. The office
/// people are read across units, narrowed to one unit's active office (the only people a 交办 concerns);
/// the inbox rows and email copies are added to the caller's context, saved with the step itself.
/// </summary>
internal sealed class DispatchNotices(LuoshiDb db, NoticeTargets targets, BureauClock clock)
{
    public Task ToOfficeAsync(int unitId, NoticeKind kind, int? taskId, string link, string title, string body, CancellationToken ct) =>
        ToAsync(unitId, null, kind, taskId, link, title, body, ct);

    /// <summary>To the unit's active office and, when named, one more of its people (its leader in charge of the matter).</summary>
    public async Task ToAsync(int unitId, int? alsoPersonId, NoticeKind kind, int? taskId, string link, string title, string body, CancellationToken ct)
    {
        var office = await db.People.IgnoreQueryFilters([UnitKeys.FilterName]).AsNoTracking()
            .Where(p => p.UnitId == unitId && p.IsActive && (p.Role == Role.Admin || p.Id == alsoPersonId))
            .Select(p => new { p.Id, p.Email }).ToListAsync(ct);
        var now = clock.UtcNow;
        foreach (var person in office)
        {
            var notice = new Notice { UnitId = unitId, RecipientId = person.Id, Kind = kind, TaskId = taskId, Link = link, Title = Clip(title, 600), Body = Clip(body, 4000), CreatedAt = now };
            db.Notices.Add(notice);
            if (targets.EmailConfigured && !string.IsNullOrWhiteSpace(person.Email))
            {
                db.NoticeDeliveries.Add(new NoticeDelivery { UnitId = unitId, Notice = notice, Channel = EmailChannel.ChannelName, Target = person.Email.Trim(), NextAttemptAt = now, CreatedAt = now });
            }
        }
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
