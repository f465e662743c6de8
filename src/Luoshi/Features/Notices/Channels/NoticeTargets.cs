using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Notices.Channels;

/// <summary>One way out for one notice: the channel's name (as stored on a delivery) and its target.</summary>
internal sealed record NoticeTarget(string Channel, string Target);

/// <summary>Where a unit's notice to one person can go, for the dispatcher to write its deliveries:
/// email when a mail server is configured and the person has an address, and every enabled group
/// robot of the unit (a group robot speaks to the whole group; the person is @-mentioned by phone).</summary>
internal sealed class NoticeTargets(LuoshiDb db, EmailChannel email, IEnumerable<IPersonChannels> personal)
{
    public async Task<List<NoticeTarget>> ForAsync(int unitId, string? recipientEmail, CancellationToken ct)
    {
        var targets = new List<NoticeTarget>();
        if (email.IsConfigured && !string.IsNullOrWhiteSpace(recipientEmail))
        {
            targets.Add(new(EmailChannel.ChannelName, recipientEmail.Trim()));
        }

        targets.AddRange(await RobotsAsync(unitId, ct));
        return targets;
    }

    /// <summary>Whether email can go out at all (a mail server is configured).</summary>
    public bool EmailConfigured => email.IsConfigured;

    /// <summary>The unit's people reachable in person (工作通知), each with his targets.</summary>
    public async Task<Dictionary<int, List<NoticeTarget>>> PeopleAsync(int unitId, CancellationToken ct)
    {
        var all = new Dictionary<int, List<NoticeTarget>>();
        foreach (var source in personal)
        {
            foreach (var (person, targets) in await source.ForUnitAsync(unitId, ct))
            {
                (all.TryGetValue(person, out var list) ? list : all[person] = []).AddRange(targets);
            }
        }

        return all;
    }

    /// <summary>The unit's enabled group robots.</summary>
    public async Task<List<NoticeTarget>> RobotsAsync(int unitId, CancellationToken ct)
    {
        var robots = await db.RobotWebhooks.AsNoTracking().Where(r => r.UnitId == unitId && r.Enabled).OrderBy(r => r.Id).ToListAsync(ct);
        return [.. robots.Select(r => new NoticeTarget(r.ChannelName, RobotTarget.Of(r)))];
    }
}
