namespace Luoshi.Features.Notices.Channels;

/// <summary>The admin's "发送测试消息": one notice straight through a channel, outside the outbox,
/// so the admin sees at once whether the robot or mail server takes it.</summary>
internal static class TestNotice
{
    public static async Task<string?> SendAsync(INoticeChannel channel, int unitId, string target, string? recipientName, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var notice = new OutgoingNotice(
            DeliveryId: 0, unitId, MessageId: $"test-{Guid.NewGuid():N}@luoshi", target,
            Title: "落实督办系统测试消息", Body: $"这是一条测试消息，发送于 {now.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm:ss}（北京时间）。收到即说明通知渠道可用。",
            recipientName, RecipientPhone: null);
        try
        {
            await channel.SendAsync(notice, ct);
            return null;
        }
        catch (NoticeChannelException e)
        {
            return e.Message;
        }
    }
}
