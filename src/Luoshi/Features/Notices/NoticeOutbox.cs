using Luoshi.Data;
using Luoshi.Features.Notices.Channels;
using Luoshi.Features.Organisation;

namespace Luoshi.Features.Notices;

/// <summary>Who can be reached how: loaded once per run of a unit, so that writing thousands of
/// notices needs no further queries.</summary>
internal sealed record NoticeRoutes(
    bool Email, IReadOnlyList<(string Channel, string Target)> Groups, Arrival.EmailChoices? Choices = null, IReadOnlyDictionary<int, List<NoticeTarget>>? People = null);

/// <summary>
/// Writes notices into the inbox and their outgoing copies into the outbox, on the caller's
/// DbContext and so in the caller's transaction: a step and its notices are saved together or not
/// at all. Email goes to each recipient with an address; a group robot gets one message per step, and none for a reminder.
/// </summary>
internal sealed class NoticeOutbox(NoticeTargets targets, Arrival.NoticeChoices choices)
{
    public async Task<NoticeRoutes> RoutesAsync(int unitId, CancellationToken ct) =>
        new(targets.EmailConfigured, [.. (await targets.RobotsAsync(unitId, ct)).Select(t => (t.Channel, t.Target))],
            targets.EmailConfigured ? await choices.ForUnitAsync(unitId, null, ct) : null, await targets.PeopleAsync(unitId, ct));

    /// <summary>Adds one notice per recipient (each person once) and its deliveries; returns the notices.</summary>
    public static List<Notice> Add(NoticeBatch batch, NoticeRoutes routes, IEnumerable<Person> recipients, Notice template, DateTime now)
    {
        var notices = new List<Notice>();
        foreach (var person in recipients.DistinctBy(p => p.Id))
        {
            var notice = new Notice
            {
                UnitId = template.UnitId, RecipientId = person.Id, Kind = template.Kind, TaskId = template.TaskId, StepId = template.StepId,
                Title = template.Title, Body = template.Body, Link = template.Link, CreatedAt = now,
            };
            batch.Notices.Add(notice);
            notices.Add(notice);
            // A person who asked for this kind in the daily digest (or not by email) gets it there.
            if (routes.Email && !string.IsNullOrWhiteSpace(person.Email) && (routes.Choices?.Immediate(person.Id, template.Kind) ?? true))
            {
                batch.Deliveries.Add(Delivery(notice, "email", person.Email, now));
            }

            // A work notice (工作通知) to the person's own messenger account, where the unit turned it on.
            if (routes.People is { } people && people.TryGetValue(person.Id, out var own))
            {
                own.ForEach(t => batch.Deliveries.Add(Delivery(notice, t.Channel, t.Target, now)));
            }
        }

        // A group robot hears of 催办, 督办 and reviews once each; reminders stay personal.
        if (notices.Count > 0 && template.Kind != NoticeKind.Remind)
        {
            foreach (var (channel, target) in routes.Groups)
            {
                batch.Deliveries.Add(Delivery(notices[0], channel, target, now));
            }
        }

        return notices;
    }

    private static NoticeDelivery Delivery(Notice notice, string channel, string target, DateTime now) => new()
    {
        UnitId = notice.UnitId, Channel = channel, Target = target, NextAttemptAt = now, CreatedAt = now,
        Notice = notice,
    };
}
