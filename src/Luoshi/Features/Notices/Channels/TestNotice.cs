namespace Luoshi.Features.Notices.Channels;

/// <summary>The admin's "发送测试消息": one notice straight through a channel, outside the outbox,
/// so the admin sees at once whether the robot or mail server takes it.</summary>
internal static class TestNotice
{
    public static async Task<string?> SendAsync(INoticeChannel channel, int unitId, string target, string? recipientName, Shared.BureauClock clock, CancellationToken ct)
    {
        var notice = new OutgoingNotice(
            DeliveryId: 0, unitId, MessageId: $"test-{Guid.NewGuid():N}@luoshi", target,
            Title: "落实督办系统测试消息", Body: $"这是一条测试消息，发送于 {clock.ToLocal(clock.UtcNow):yyyy-MM-dd HH:mm:ss}。收到即说明通知渠道可用。",
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
