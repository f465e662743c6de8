namespace Luoshi.Features.Notices.Channels;

/// <summary>
/// Channels that reach one person directly (a DingTalk 工作通知 or a WeCom application message to his
/// userid), provided by a feature above this one (Messengers). The channel names live here so that
/// 消息必达 can say which channel a re-send took without knowing that feature.
/// </summary>
internal interface IPersonChannels
{
    /// <summary>The unit's people who can be reached this way, with the target of each (his userid).</summary>
    Task<IReadOnlyDictionary<int, List<NoticeTarget>>> ForUnitAsync(int unitId, CancellationToken ct);
}

internal static class PersonChannelNames
{
    public const string DingTalkWork = "dingtalk-work";
    public const string WeComWork = "wecom-work";
}
