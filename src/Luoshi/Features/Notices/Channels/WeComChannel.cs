using Luoshi.Data;

namespace Luoshi.Features.Notices.Channels;

/// <summary>
/// A WeCom group robot (企业微信群机器人). Target: the id of the unit's <see cref="RobotWebhook"/>.
/// WeCom's markdown cannot mention anyone, so a notice with a recipient phone goes as text with
/// mentioned_mobile_list; one without goes as markdown.
/// </summary>
internal sealed class WeComChannel(LuoshiDb db, RobotSecrets secrets, IHttpClientFactory http) : INoticeChannel
{
    public const string ChannelName = "wecom";

    // -1: system busy; 45009: over the robot's rate (20 a minute).
    private static readonly HashSet<int> Transient = [-1, 45009];

    public string Name => ChannelName;

    public async Task SendAsync(OutgoingNotice notice, CancellationToken ct)
    {
        var robot = await RobotTarget.LoadAsync(db, secrets, notice, RobotKind.WeCom, ct);
        object body = notice.RecipientPhone is { } phone
            ? new { msgtype = "text", text = new { content = $"{notice.Title}\n{notice.Body}{(notice.ReadLink is { } link ? $"\n已阅请点击：{link}" : "")}", mentioned_mobile_list = new[] { phone } } }
            : new { msgtype = "markdown", markdown = new { content = $"**{notice.Title}**\n{notice.Body}{(notice.ReadLink is { } l ? $"\n[已阅，查看详情]({l})" : "")}" } };
        await RobotPost.SendAsync(http.CreateClient(RobotPost.ClientName), new Uri(robot.Url), body, "企业微信机器人", Transient, ct);
    }
}
