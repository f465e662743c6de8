namespace Luoshi.Features.Notices;

/// <summary>One notice on its way out through one channel. <see cref="MessageId"/> is stable for the
/// delivery: a retry after a crash sends the same id, so a receiver that keeps ids can drop the copy.</summary>
internal sealed record OutgoingNotice(
    long DeliveryId,
    int UnitId,
    string MessageId,
    string Target,
    string Title,
    string Body,
    string? RecipientName,
    string? RecipientPhone,
    string? ReadLink = null);

/// <summary>A way out of the app for notices (email, DingTalk robot, WeCom robot). The in-app inbox
/// is not a channel: its notice is written in the same transaction as the step that raised it.</summary>
internal interface INoticeChannel
{
    /// <summary>The name stored on each delivery: "email", "dingtalk", "wecom".</summary>
    string Name { get; }

    /// <summary>Sends, or throws <see cref="NoticeChannelException"/> (or any I/O error) when the far
    /// end refuses or cannot be reached; the caller retries with backoff.</summary>
    Task SendAsync(OutgoingNotice notice, CancellationToken ct);
}

/// <summary>The far end answered, and said no (a robot's errcode, an SMTP refusal).</summary>
internal sealed class NoticeChannelException(string message, bool permanent = false) : Exception(message)
{
    /// <summary>Retrying will not help (bad address, bad signature): the delivery fails at once.</summary>
    public bool Permanent { get; } = permanent;
}
