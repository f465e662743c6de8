using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Notices.Channels;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Notices.Arrival;

/// <summary>Told, in the re-send's transaction, that a notice was re-sent (Supervision writes it to the task's history).</summary>
internal interface INoticeResent
{
    Task ResentAsync(Notice notice, string recipient, string? via, IReadOnlyList<string> told, CancellationToken ct);
}

/// <summary>
/// 消息必达: a 督办 or 批示 still unread after the configured working hours is sent again through the
/// next channel the person has (inbox → email → a work notice to his messenger account → group robot with an @ of the person's phone), and the
/// person's section head (a head's: the leaders in charge of the section) is told who has not read
/// what. Once per notice: the re-send is claimed by setting <see cref="Notice.ResentAt"/> with a
/// conditional UPDATE in the same transaction as the new delivery and the head's notice, so a second
/// instance or a repeated run finds nothing to do.
/// </summary>
internal sealed class MustArrive(
    LuoshiDb db, WorkingCalendars calendars, BureauClock clock, NoticeTargets targets, NoticeChoices choices,
    IOptions<MustArriveOptions> options, IEnumerable<INoticeResent> listeners)
{
    /// <summary>Notices handled per run of a unit; the next poll takes the rest.</summary>
    public const int Batch = 500;

    public async Task<int> RunAsync(int unitId, CancellationToken ct = default)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return 0;
        }

        var now = clock.UtcNow;
        var local = clock.ToLocal(now);
        var cutoffLocal = WorkingHours.Back(local, o.AfterWorkingHours, await calendars.ForUnitAsync(db, unitId, ct), o.Periods);
        if (cutoffLocal == DateTime.MinValue)
        {
            return 0;
        }

        // Local back to UTC by the offset of now (Beijing keeps no summer time).
        var cutoff = now - (local - cutoffLocal);
        var oldest = now.AddDays(-o.MaxAgeDays);
        var kinds = o.MustArriveKinds.ToList();
        var due = await db.Notices.AsNoTracking()
            .Where(n => n.UnitId == unitId && kinds.Contains(n.Kind) && n.ReadAt == null && n.ResentAt == null && n.CreatedAt <= cutoff && n.CreatedAt >= oldest)
            .OrderBy(n => n.Id).Take(Batch).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var robots = await targets.RobotsAsync(unitId, ct);
        var personal = await targets.PeopleAsync(unitId, ct);
        var resent = 0;
        foreach (var notice in due)
        {
            resent += await ResendAsync(notice, robots, personal, now, ct) ? 1 : 0;
            db.ChangeTracker.Clear();
        }

        return resent;
    }

    private async Task<bool> ResendAsync(Notice notice, List<NoticeTarget> robots, Dictionary<int, List<NoticeTarget>> personal, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Notices.Where(n => n.Id == notice.Id && n.UnitId == notice.UnitId && n.ResentAt == null && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ResentAt, now), ct);
        if (claimed != 1)
        {
            return false;
        }

        var person = await db.People.AsNoTracking().FirstAsync(p => p.Id == notice.RecipientId && p.UnitId == notice.UnitId, ct);
        if (!person.IsActive)
        {
            // Someone who has left reads nothing more: the claim alone, so the notice is not looked at again.
            await transaction.CommitAsync(ct);
            return false;
        }

        string? via = null;
        var used = await db.NoticeDeliveries.Where(d => d.NoticeId == notice.Id && d.UnitId == notice.UnitId).Select(d => d.Channel).Distinct().ToListAsync(ct);
        var chain = new List<NoticeTarget>();
        if (targets.EmailConfigured && person.Email.OrNull() is { } email)
        {
            chain.Add(new(EmailChannel.ChannelName, email));
        }

        // Then a work notice to his own messenger account, which reaches him and no one else.
        if (personal.TryGetValue(person.Id, out var own))
        {
            chain.AddRange(own);
        }

        // A group robot reaches a person by the @ of his phone; without one it would only tell the group.
        if (robots.Count > 0 && person.Phone.OrNull() is not null)
        {
            chain.Add(robots[0]);
        }

        // The next channel not yet used for this notice; when all were, the last again.
        if ((chain.FirstOrDefault(c => !used.Contains(c.Channel)) ?? chain.LastOrDefault()) is { } next)
        {
            db.NoticeDeliveries.Add(new NoticeDelivery
            {
                UnitId = notice.UnitId, NoticeId = notice.Id, Channel = next.Channel, Target = next.Target, NextAttemptAt = now, CreatedAt = now,
                Purpose = DeliveryPurpose.Resend,
            });
            via = ChannelWords.Of(next.Channel);
        }

        var heads = await HeadsAsync(person, ct);
        var hours = options.Value.AfterWorkingHours;
        var choice = await choices.ForUnitAsync(notice.UnitId, [.. heads.Select(h => h.Id)], ct);
        foreach (var head in heads)
        {
            var told = new Notice
            {
                UnitId = notice.UnitId, RecipientId = head.Id, Kind = NoticeKind.UnreadEscalated, TaskId = notice.TaskId, StepId = notice.StepId,
                Link = notice.TaskId is null ? TrackedLinks.Target(notice) : null, CreatedAt = now,
                Title = Clip($"【未读督办】{person.Name}未阅：{notice.Title}", 600),
                Body = Clip($"{person.Name}于{clock.ToLocal(notice.CreatedAt):yyyy-MM-dd HH:mm}收到的{notice.Kind.Chinese()}消息“{notice.Title}”，{hours:0.#} 个工作小时后仍未阅读，"
                    + $"{(via is null ? "" : $"已通过{via}再次送达，")}请督促其及时阅办。", 4000),
            };
            db.Notices.Add(told);
            if (targets.EmailConfigured && head.Email.OrNull() is { } headEmail && choice.Immediate(head.Id, told.Kind))
            {
                db.NoticeDeliveries.Add(new NoticeDelivery { UnitId = notice.UnitId, Notice = told, Channel = EmailChannel.ChannelName, Target = headEmail, NextAttemptAt = now, CreatedAt = now });
            }
        }

        foreach (var listener in listeners)
        {
            await listener.ResentAsync(notice, person.Name, via, [.. heads.Select(h => h.Name)], ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>The person's section head; for a head, the leaders in charge of the section; for a
    /// leader or anyone without a section, nobody.</summary>
    private async Task<List<Person>> HeadsAsync(Person person, CancellationToken ct)
    {
        if (person.SectionId is not { } section || person.Role is Role.Leader)
        {
            return [];
        }

        var heads = await db.People.AsNoTracking()
            .Where(p => p.UnitId == person.UnitId && p.SectionId == section && p.Role == Role.SectionHead && p.IsActive && p.Id != person.Id).ToListAsync(ct);
        if (heads.Count > 0)
        {
            return heads;
        }

        var leaders = db.LeaderCharges.Where(c => c.UnitId == person.UnitId && c.SectionId == section).Select(c => c.LeaderId);
        return await db.People.AsNoTracking().Where(p => p.UnitId == person.UnitId && p.IsActive && leaders.Contains(p.Id) && p.Id != person.Id).ToListAsync(ct);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>A channel's name as people read it.</summary>
internal static class ChannelWords
{
    public static string Of(string channel) => channel switch
    {
        EmailChannel.ChannelName => "邮件",
        DingTalkChannel.ChannelName => "钉钉",
        WeComChannel.ChannelName => "企业微信",
        PersonChannelNames.DingTalkWork => "钉钉工作通知",
        PersonChannelNames.WeComWork => "企业微信应用消息",
        _ => channel,
    };
}
