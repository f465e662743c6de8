namespace Luoshi.Features.Account;

/// <summary>How an authenticator key is shown: grouped for typing, as an otpauth URI (drawn as a QR
/// code by <see cref="Shared.QrCodes"/>).</summary>
internal static class AuthenticatorKey
{
    public const string Issuer = "落实";

    public static string Grouped(string key) => string.Join(' ', key.Chunk(4).Select(c => new string(c)));

    public static string Uri(string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(account)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";
}
