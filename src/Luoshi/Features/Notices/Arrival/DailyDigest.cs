using System.Text;
using Luoshi.Data;
using Luoshi.Features.Notices.Channels;
using Luoshi.Features.Shared;
using Luoshi.Features.Shared.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Notices.Arrival;

/// <summary>
/// Once a day, one email per person listing the unread notices of the kinds he asked to have in the
/// digest (每日汇总) since his last one; nobody gets an empty digest. The digest is also kept in the
/// inbox (already read: it only repeats what is there), its tasks linked by <see cref="NoticeDigestItem"/>
/// rows as a run's digests are. The (person, day) key of <see cref="NoticeDigestRun"/> keeps it to one a day.
/// </summary>
internal sealed class DailyDigest(LuoshiDb db, BureauClock clock, NoticeTargets targets, NoticeChoices choices)
{
    private const int MaxLines = 100;

    public async Task<int> RunAsync(int unitId, CancellationToken ct = default)
    {
        if (!targets.EmailConfigured)
        {
            return 0;
        }

        var required = await choices.RequiredAsync(unitId, ct);
        var wanted = (await db.NoticeChoices.AsNoTracking().Where(c => c.UnitId == unitId && c.Email == EmailMode.Digest).ToListAsync(ct))
            .Where(c => !required.Contains(c.Kind)).GroupBy(c => c.PersonId).ToList();
        var sent = 0;
        foreach (var person in wanted)
        {
            sent += await OneAsync(unitId, person.Key, [.. person.Select(c => c.Kind)], ct) ? 1 : 0;
            db.ChangeTracker.Clear();
        }

        return sent;
    }

    private async Task<bool> OneAsync(int unitId, int personId, List<NoticeKind> kinds, CancellationToken ct)
    {
        var (now, today) = (clock.UtcNow, clock.Today);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.UnitId == unitId && p.IsActive, ct);
        var runs = db.NoticeDigestRuns.Where(r => r.UnitId == unitId && r.PersonId == personId);
        if (person?.Email.OrNull() is not { } email || await runs.AnyAsync(r => r.Day == today, ct))
        {
            return false;
        }

        var since = await runs.OrderByDescending(r => r.Day).Select(r => (DateTime?)r.At).FirstOrDefaultAsync(ct) ?? now.AddDays(-1);
        var notices = await db.Notices.AsNoTracking()
            .Where(n => n.UnitId == unitId && n.RecipientId == personId && kinds.Contains(n.Kind) && n.ReadAt == null && n.CreatedAt > since && n.CreatedAt <= now)
            .OrderBy(n => n.Id).Take(MaxLines + 1).ToListAsync(ct);
        if (notices.Count == 0)
        {
            return false;
        }

        var shown = notices.Take(MaxLines).ToList();
        var body = new StringBuilder($"以下是您自 {clock.ToLocal(since):yyyy-MM-dd HH:mm} 以来未读的消息，共 {shown.Count}{(notices.Count > MaxLines ? "+" : "")} 条：");
        foreach (var (n, i) in shown.Select((n, i) => (n, i)))
        {
            var line = $"{i + 1}. 【{n.Kind.Chinese()}】{n.Title}；";
            if (body.Length + line.Length > 3800)
            {
                body.Append($"……其余 {shown.Count - i} 条请登录查看。");
                break;
            }

            body.Append(line);
        }

        var digest = new Notice
        {
            UnitId = unitId, RecipientId = personId, Kind = NoticeKind.DailyDigest, CreatedAt = now, ReadAt = now, ReadVia = NoticeReadVia.Inbox, Link = "/Notices?unread=true",
            Title = $"【每日汇总】{shown.Count} 条未读消息", Body = body.ToString(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Notices.Add(digest);
        db.NoticeDeliveries.Add(new NoticeDelivery { UnitId = unitId, Notice = digest, Channel = EmailChannel.ChannelName, Target = email, NextAttemptAt = now, CreatedAt = now });
        db.NoticeDigestRuns.Add(new NoticeDigestRun { UnitId = unitId, PersonId = personId, Day = today, Notice = digest, At = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance sent today's first.
            return false;
        }

        db.NoticeDigestItems.AddRange(shown.Where(n => n.TaskId is not null).Select(n => new NoticeDigestItem
        {
            UnitId = unitId, NoticeId = digest.Id, TaskId = n.TaskId!.Value, StepId = n.StepId, Line = n.Title.Length > 500 ? n.Title[..500] : n.Title,
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}

/// <summary>Each bureau day (after midnight; quiet hours hold the mail until the morning), every unit's digests.</summary>
internal sealed class DailyDigestJob(IServiceScopeFactory scopes) : IDailyJob
{
    public string Name => "每日汇总";

    public Task RunAsync(CancellationToken ct) => EachUnit.RunAsync(scopes, (services, unitId) => services.GetRequiredService<DailyDigest>().RunAsync(unitId, ct), ct);
}
