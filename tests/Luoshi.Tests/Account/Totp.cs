using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Luoshi.Tests.Account;

/// <summary>What a phone's authenticator does (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), from
/// the key the page shows, so the tests check the app against the standard and not against itself.</summary>
internal static partial class Totp
{
    public static string Code(string key, DateTimeOffset? at = null, int stepOffset = 0)
    {
        var step = ((at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30) + stepOffset;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 as authenticators use it: SHA-1 in an HMAC, which is not the weak use
        var hash = HMACSHA1.HashData(Base32(key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var number = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return number.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>A six-digit code that is surely wrong now (none of the steps the server accepts).</summary>
    public static string WrongCode(string key)
    {
        var near = Enumerable.Range(-3, 7).Select(i => Code(key, stepOffset: i)).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => i.ToString("D6", CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    /// <summary>The key as the enrollment page shows it, grouped in fours.</summary>
    public static string KeyOnPage(string html) => KeyPattern().Match(html).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);

    public static IReadOnlyList<string> RecoveryCodesOnPage(string html) => [.. RecoveryPattern().Matches(html).Select(m => m.Groups[1].Value)];

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
                value &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex("id=\"authenticator-key\">([A-Z2-7 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<code class=\"secret\">([A-Z0-9]{5}-[A-Z0-9]{5})</code>")]
    private static partial Regex RecoveryPattern();
}
