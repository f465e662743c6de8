using Luoshi.Data;
using Luoshi.Features.Notices.Channels;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Notices;

/// <summary>
/// Notices to named people about one action (a request to decide, a decision, a new appeal): the
/// inbox row and an email copy for each, added to the caller's DbContext so that they are saved in
/// the action's own transaction, or not at all when it loses a race. Group robots are not told:
/// these are one person's business, and the robots hear only of 催办, 督办 and reviews.
/// </summary>
internal sealed class PersonNotices(LuoshiDb db, NoticeTargets targets, Arrival.NoticeChoices choices, Shared.BureauClock clock)
{
    /// <summary>The office: every active admin of the unit.</summary>
    public Task<List<int>> OfficeAsync(int unitId, CancellationToken ct) =>
        db.People.Where(p => p.UnitId == unitId && p.Role == Role.Admin && p.IsActive).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);

    /// <summary>The same for people already at hand, the notice's kind, task, title and body taken from
    /// <paramref name="template"/>, dated now.</summary>
    public Task<int> AddAsync(int unitId, IEnumerable<Person> recipients, Notice template, CancellationToken ct) =>
        AddAsync(unitId, recipients.Select(p => p.Id), template.Kind, template.TaskId, template.Title, template.Body, clock.UtcNow, ct);

    /// <summary>Adds one notice per active recipient of the unit (each once); returns how many.</summary>
    public async Task<int> AddAsync(int unitId, IEnumerable<int> recipientIds, NoticeKind kind, int? taskId, string title, string body, DateTime now, CancellationToken ct)
    {
        var ids = recipientIds.Distinct().ToList();
        var people = await db.People.AsNoTracking()
            .Where(p => p.UnitId == unitId && p.IsActive && ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Email }).ToListAsync(ct);
        var chosen = targets.EmailConfigured ? await choices.ForUnitAsync(unitId, ids, ct) : Arrival.EmailChoices.None;
        foreach (var person in people)
        {
            var notice = new Notice
            {
                UnitId = unitId, RecipientId = person.Id, Kind = kind, TaskId = taskId,
                Title = Clip(title, 600), Body = Clip(body, 4000), CreatedAt = now,
            };
            db.Notices.Add(notice);
            if (targets.EmailConfigured && !string.IsNullOrWhiteSpace(person.Email) && chosen.Immediate(person.Id, kind))
            {
                db.NoticeDeliveries.Add(new NoticeDelivery
                {
                    UnitId = unitId, Notice = notice, Channel = EmailChannel.ChannelName, Target = person.Email.Trim(), NextAttemptAt = now, CreatedAt = now,
                });
            }
        }

        return people.Count;
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
