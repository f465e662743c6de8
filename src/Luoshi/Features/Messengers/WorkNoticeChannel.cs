using System.Security.Cryptography;
using Luoshi.Data;
using Luoshi.Features.Notices;
using Luoshi.Features.Notices.Channels;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Messengers;

/// <summary>
/// A notice to one person as a DingTalk 工作通知 or a WeCom 应用消息, sent as the unit's app. Target:
/// the person's userid (from his <see cref="MessengerLink"/>). The message opens the delivery's
/// tracked link (/n/{token}), so reading it marks the notice read. A refusal the API calls busy or
/// rate limited, and an unreachable API, are retried by the outbox; anything else fails at once.
/// </summary>
internal sealed class WorkNoticeChannel(MessengerKind kind, LuoshiDb db, IEnumerable<IMessengerApi> apis, MessengerSecrets secrets) : INoticeChannel
{
    public string Name => NameOf(kind);

    public static string NameOf(MessengerKind kind) => kind == MessengerKind.DingTalk ? PersonChannelNames.DingTalkWork : PersonChannelNames.WeComWork;

    public async Task SendAsync(OutgoingNotice notice, CancellationToken ct)
    {
        var settings = await db.Set<MessengerSettings>().AsNoTracking().IgnoreQueryFilters()
            .FirstOrDefaultAsync(s => s.UnitId == notice.UnitId && s.Kind == kind && s.Enabled && s.WorkNotices, ct)
            ?? throw new NoticeChannelException($"本单位未启用{kind.Chinese()}工作通知", permanent: true);
        MessengerAccess access;
        try
        {
            access = secrets.Access(settings);
        }
        catch (CryptographicException)
        {
            throw new NoticeChannelException($"{kind.Chinese()}应用凭证无法解开（密钥已更换），请在通讯录与免登设置中重新填写", permanent: true);
        }

        try
        {
            await apis.Single(a => a.Kind == kind).SendAsync(access, notice.Target, new WorkNotice(notice.Title, notice.Body, notice.ReadLink), ct);
        }
        catch (MessengerProblem e)
        {
            throw new NoticeChannelException(e.Message, permanent: !e.Transient);
        }
    }
}

/// <summary>The people of a unit its enabled apps can reach with a work notice (for the outbox and 消息必达).</summary>
internal sealed class WorkNoticeTargets(LuoshiDb db) : IPersonChannels
{
    public async Task<IReadOnlyDictionary<int, List<NoticeTarget>>> ForUnitAsync(int unitId, CancellationToken ct)
    {
        var kinds = await db.Set<MessengerSettings>().AsNoTracking().Where(s => s.UnitId == unitId && s.Enabled && s.WorkNotices).Select(s => s.Kind).ToListAsync(ct);
        if (kinds.Count == 0)
        {
            return new Dictionary<int, List<NoticeTarget>>();
        }

        var links = await db.Set<MessengerLink>().AsNoTracking().Where(l => l.UnitId == unitId && kinds.Contains(l.Kind))
            .OrderBy(l => l.Kind).Select(l => new { l.PersonId, l.Kind, l.UserId }).ToListAsync(ct);
        return links.GroupBy(l => l.PersonId).ToDictionary(g => g.Key, g => g.Select(l => new NoticeTarget(WorkNoticeChannel.NameOf(l.Kind), l.UserId)).ToList());
    }
}
