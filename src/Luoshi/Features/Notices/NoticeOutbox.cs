using Luoshi.Data;
using Luoshi.Features.Organisation;

namespace Luoshi.Features.Notices;

/// <summary>Who can be reached how: loaded once per run of a unit, so that writing thousands of
/// notices needs no further queries.</summary>
internal sealed record NoticeRoutes(bool Email, IReadOnlyList<(string Channel, string Target)> Groups);

/// <summary>
/// Writes notices into the inbox and their outgoing copies into the outbox, on the caller's
/// DbContext and so in the caller's transaction: a step and its notices are saved together or not
/// at all. Email goes to each recipient with an address; a group robot gets one message per step.
/// </summary>
internal sealed class NoticeOutbox(IEnumerable<INoticeChannel> channels, IEnumerable<INoticeGroupTargets> groups)
{
    public async Task<NoticeRoutes> RoutesAsync(LuoshiDb db, int unitId, CancellationToken ct)
    {
        var email = channels.Any(c => c.Name == "email" && c is not IOptionalChannel { IsConfigured: false });
        var targets = new List<(string, string)>();
        foreach (var source in groups)
        {
            targets.AddRange(await source.TargetsAsync(db, unitId, ct));
        }

        return new NoticeRoutes(email, targets);
    }

    /// <summary>Adds one notice per recipient (each person once) and its deliveries; returns the notices.</summary>
    public static List<Notice> Add(LuoshiDb db, NoticeRoutes routes, IEnumerable<Person> recipients, Notice template, DateTime now)
    {
        var notices = new List<Notice>();
        foreach (var person in recipients.DistinctBy(p => p.Id))
        {
            var notice = new Notice
            {
                UnitId = template.UnitId, RecipientId = person.Id, Kind = template.Kind, TaskId = template.TaskId, Step = template.Step,
                Title = template.Title, Body = template.Body, CreatedAt = now,
            };
            db.Notices.Add(notice);
            notices.Add(notice);
            if (routes.Email && !string.IsNullOrWhiteSpace(person.Email))
            {
                db.NoticeDeliveries.Add(Delivery(notice, "email", person.Email, now));
            }
        }

        if (notices.Count > 0)
        {
            foreach (var (channel, target) in routes.Groups)
            {
                db.NoticeDeliveries.Add(Delivery(notices[0], channel, target, now));
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

/// <summary>A channel that may be switched off by configuration (email without an SMTP host).</summary>
internal interface IOptionalChannel
{
    bool IsConfigured { get; }
}

/// <summary>The group robots of a unit (DingTalk, WeCom) that take one message per step.</summary>
internal interface INoticeGroupTargets
{
    Task<IReadOnlyList<(string Channel, string Target)>> TargetsAsync(LuoshiDb db, int unitId, CancellationToken ct);
}
