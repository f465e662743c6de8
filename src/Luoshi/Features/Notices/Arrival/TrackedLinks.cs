using System.Security.Cryptography;
using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Notices.Arrival;

/// <summary>
/// The link each message carries: /n/{token}, where the token is 128 random bits of the delivery's
/// own (never its id, so links cannot be guessed or walked). Opened by the notice's recipient after
/// signing in, it marks the notice read (邮件 for an email, 确认 for a robot's 已阅) and goes on to
/// where the notice points; opened by anyone else, it only goes on, and the page there checks access.
/// </summary>
internal static class TrackedLinks
{
    public const string Path = "/n/";

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool LooksLikeToken(string? token) => token is { Length: 22 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The delivery's link, its token stored before the first attempt so that every attempt
    /// (and a copy resent after a crash) carries the same; null when no public address is configured.</summary>
    public static async Task<string?> EnsureAsync(LuoshiDb db, NoticeDispatcher.Claimed row, string? baseUrl, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            return null;
        }

        var token = row.ReadToken;
        if (token is null)
        {
            token = NewToken();
            await db.NoticeDeliveries.Where(d => d.Id == row.Id && d.ReadToken == null).ExecuteUpdateAsync(s => s.SetProperty(d => d.ReadToken, token), ct);
            token = await db.NoticeDeliveries.Where(d => d.Id == row.Id).Select(d => d.ReadToken).FirstAsync(ct);
        }

        return baseUrl.TrimEnd('/') + Path + token;
    }

    /// <summary>Title and body as sent: a 消息必达 re-send says that it is one.</summary>
    public static (string Title, string Body) Words(NoticeDispatcher.Claimed row) => row.Purpose == DeliveryPurpose.Resend
        ? ($"【未读提醒】{row.Title}", $"这条{row.Kind.Chinese()}消息至今未读，现再次送达，请及时阅办。{row.Body}")
        : (row.Title, row.Body);

    /// <summary>Where a notice opens: a 督办's sheet, else its own link, else its task (as the inbox does).</summary>
    public static string Target(Notice n) => n switch
    {
        { StepId: { } step, Kind: NoticeKind.Supervise or NoticeKind.ManualSupervise or NoticeKind.UnreadEscalated } => $"/Supervision/Sheet/{step}",
        { TaskId: null, Link: { } link } when link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.Contains('\\', StringComparison.Ordinal) => link,
        _ => IndexModel.Where(n.Kind, n.TaskId),
    };
}
