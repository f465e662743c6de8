using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;

namespace Luoshi.Features.Notices;

/// <summary>
/// Notices to the people who must act on a desk event (a returned report, a returned task, a
/// reassignment): the inbox and each person's email, added to the caller's DbContext and so saved in
/// the caller's transaction. Group robots hear only of 督办-level events, so none goes to them here.
/// </summary>
internal sealed class PersonalNotices(LuoshiDb db, NoticeOutbox outbox, BureauClock clock)
{
    public async Task<int> AddAsync(int unitId, IEnumerable<Person> recipients, Notice template, CancellationToken ct)
    {
        var routes = await outbox.RoutesAsync(unitId, ct);
        var now = clock.UtcNow;
        var count = 0;
        foreach (var person in recipients.DistinctBy(p => p.Id))
        {
            var notice = new Notice
            {
                UnitId = unitId, RecipientId = person.Id, Kind = template.Kind, TaskId = template.TaskId,
                Title = template.Title, Body = template.Body, CreatedAt = now,
            };
            db.Notices.Add(notice);
            if (routes.Email && !string.IsNullOrWhiteSpace(person.Email))
            {
                db.NoticeDeliveries.Add(new NoticeDelivery
                {
                    UnitId = unitId, Channel = "email", Target = person.Email, NextAttemptAt = now, CreatedAt = now, Notice = notice,
                });
            }

            count++;
        }

        return count;
    }
}
