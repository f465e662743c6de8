using Luoshi.Data;

namespace Luoshi.Features.Notices.Channels;

/// <summary>
/// A DingTalk custom group robot (钉钉自定义机器人). Target: the id of the unit's
/// <see cref="RobotWebhook"/> (decimal text), so a delivery row names the robot and never holds
/// its token. Posts markdown; with a recipient phone the robot @-mentions that person.
/// </summary>
internal sealed class DingTalkChannel(LuoshiDb db, RobotSecrets secrets, IHttpClientFactory http, TimeProvider time) : INoticeChannel
{
    public const string ChannelName = "dingtalk";

    // -1: system busy; 130101: sending too fast. Signature, keyword and token errors stay wrong on retry.
    private static readonly HashSet<int> Transient = [-1, 130101];

    public string Name => ChannelName;

    public async Task SendAsync(OutgoingNotice notice, CancellationToken ct)
    {
        var robot = await RobotTarget.LoadAsync(db, secrets, notice, RobotKind.DingTalk, ct);
        var url = robot.Secret is null ? new Uri(robot.Url) : DingTalkSignature.SignedUrl(robot.Url, robot.Secret, time.GetUtcNow());
        var mention = (notice.ReadLink is { } link ? $"\n\n[已阅，查看详情]({link})" : "") + (notice.RecipientPhone is { } phone ? $"\n\n@{phone}" : "");
        var body = new
        {
            msgtype = "markdown",
            markdown = new { title = notice.Title, text = $"#### {notice.Title}\n\n{notice.Body}{mention}" },
            at = new { atMobiles = notice.RecipientPhone is { } p ? new[] { p } : [], isAtAll = false },
        };
        await RobotPost.SendAsync(http.CreateClient(RobotPost.ClientName), url, body, "钉钉机器人", Transient, ct);
    }
}
