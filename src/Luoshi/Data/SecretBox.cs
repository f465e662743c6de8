using System.Security.Cryptography;
using System.Text;
using Luoshi.Crypto;
using Microsoft.AspNetCore.DataProtection;

namespace Luoshi.Data;

/// <summary>
/// The one place secrets kept in the database are encrypted (robot tokens, unit signing keys, and later
/// directory passwords and sign-on client secrets), so that a copy of the database alone opens none of
/// them. With 国密 on (<see cref="Guomi"/>) a value is sealed with SM4-GCM (<c>sm4v1:</c>), otherwise with
/// the data-protection keys (<c>dp1:</c>); either is read whatever the setting, so switching leaves old
/// values readable and <see cref="IsCurrent"/> tells which to convert. The purpose is bound into the
/// value: one sealed for robots is refused where a signing key is expected.
/// </summary>
internal sealed class SecretBox(IConfiguration config, IDataProtectionProvider protection, Sm4KeySource sm4)
{
    public const string DataProtectionPrefix = "dp1:";
    public const string Sm4Prefix = "sm4v1:";

    private readonly bool _guomi = Guomi.On(config);

    /// <summary>The prefix new values get under the current setting.</summary>
    public string CurrentPrefix => _guomi ? Sm4Prefix : DataProtectionPrefix;

    public string Protect(string purpose, string plain)
    {
        if (!_guomi)
        {
            return DataProtectionPrefix + protection.CreateProtector(purpose).Protect(plain);
        }

        var (id, key) = sm4.Current();
        return $"{Sm4Prefix}{id}:{Convert.ToBase64String(Sm4Gcm.Seal(key, Encoding.UTF8.GetBytes(plain), Encoding.UTF8.GetBytes(purpose)))}";
    }

    public string Unprotect(string purpose, string stored)
    {
        if (stored.StartsWith(DataProtectionPrefix, StringComparison.Ordinal))
        {
            return protection.CreateProtector(purpose).Unprotect(stored[DataProtectionPrefix.Length..]);
        }

        if (stored.StartsWith(Sm4Prefix, StringComparison.Ordinal) && stored[Sm4Prefix.Length..].Split(':') is [var id, var body])
        {
            return Encoding.UTF8.GetString(Sm4Gcm.Open(sm4.Find(id), Convert.FromBase64String(body), Encoding.UTF8.GetBytes(purpose)));
        }

        throw new CryptographicException("不是加密保存的值。");
    }

    public static bool IsProtected(string stored) =>
        stored.StartsWith(DataProtectionPrefix, StringComparison.Ordinal) || stored.StartsWith(Sm4Prefix, StringComparison.Ordinal);

    /// <summary>Protected the way the current setting protects: false for plain text and for values of the other setting.</summary>
    public bool IsCurrent(string stored) => stored.StartsWith(CurrentPrefix, StringComparison.Ordinal);
}
