using System.Security.Cryptography;
using System.Text;

namespace Luoshi.Features.Notices.Channels;

/// <summary>DingTalk's signed-request mode (加签): the robot accepts a post only with the millisecond
/// timestamp and base64(HMAC-SHA256(key: secret, data: timestamp + "\n" + secret)) in the query,
/// and only within an hour of its own clock, so a captured URL cannot be replayed later.</summary>
internal static class DingTalkSignature
{
    public static Uri SignedUrl(string url, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Uri($"{url}&timestamp={timestamp}&sign={Uri.EscapeDataString(Sign(secret, timestamp))}");
    }

    public static string Sign(string secret, string timestamp) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{secret}")));
}
