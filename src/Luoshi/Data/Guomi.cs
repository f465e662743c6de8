namespace Luoshi.Data;

/// <summary>
/// 国密 (<c>Crypto:Guomi</c>): where a 密评 requires the Chinese commercial algorithms, the record chain
/// hashes new entries with SM3, secrets are stored encrypted with SM4, and sealed chain heads and issued
/// bulletins are signed with SM2. Off by default: SHA-256 and the data-protection keys then, as before.
/// Whatever was written under the other setting still reads and verifies.
/// </summary>
internal static class Guomi
{
    public const string Setting = "Crypto:Guomi";

    public static bool On(IConfiguration config) => config.GetValue(Setting, false);
}
