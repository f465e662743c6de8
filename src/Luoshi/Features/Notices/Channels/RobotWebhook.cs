namespace Luoshi.Features.Notices.Channels;

/// <summary>The two kinds of group robot; the value's name is the channel name in lower case.</summary>
internal enum RobotKind
{
    DingTalk,
    WeCom,
}

/// <summary>A group robot of a unit (钉钉/企业微信群机器人). The webhook URL carries the robot's token,
/// so URL and secret are both credentials: pages show them masked.</summary>
internal sealed class RobotWebhook
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public RobotKind Kind { get; set; }
    public required string Name { get; set; }
    /// <summary>Stored protected (see <see cref="RobotSecrets"/>).</summary>
    public required string Url { get; set; }

    /// <summary>SHA-256 of the normal URL: the same robot cannot be added twice, though the stored URL
    /// is protected anew on every write. Null only on rows from before, until the start converts them.</summary>
    public string? UrlKey { get; set; }

    /// <summary>DingTalk's signing secret (加签, "SEC…"), stored protected; without it the robot must
    /// rely on keywords or an IP list.</summary>
    public string? Secret { get; set; }

    public bool Enabled { get; set; } = true;
    public int CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }

    public string ChannelName => Kind == RobotKind.DingTalk ? DingTalkChannel.ChannelName : WeComChannel.ChannelName;
}
