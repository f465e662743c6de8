using System.Globalization;
using System.Security.Cryptography;
using Luoshi.Crypto;
using Microsoft.AspNetCore.DataProtection;

namespace Luoshi.Data;

/// <summary>
/// The SM4 key of <see cref="SecretBox"/>. From configuration (<c>Crypto:Sm4Key</c>, 32 hex digits, best
/// from the environment or a key manager), or else a random key made once and kept in the keys folder
/// (<c>sm4.key</c>) wrapped by the data-protection key ring, so it goes wherever those keys go (backups,
/// every instance) and is as safe as they are. Keys given in <c>Crypto:Sm4PreviousKeys</c> still open
/// values sealed before a change of key. Each value names its key by a short id (the start of the key's
/// SM3), so a wrong key is named as such rather than read as a damaged value.
/// </summary>
internal sealed class Sm4KeySource(IConfiguration config, IHostEnvironment environment, IDataProtectionProvider protection)
{
    public const string FileName = "sm4.key";

    private readonly Lazy<(string Id, byte[] Key)> _current = new(() => Identify(Load(config, environment, protection)));

    public (string Id, byte[] Key) Current() => _current.Value;

    public byte[] Find(string id)
    {
        if (Current() is var (currentId, key) && currentId == id)
        {
            return key;
        }

        return config.GetSection("Crypto:Sm4PreviousKeys").Get<string[]>()?.Select(Parse).Select(Identify).FirstOrDefault(k => k.Id == id).Key
            ?? throw new CryptographicException($"没有编号为 {id} 的 SM4 密钥：Crypto:Sm4Key 已更换，请把原密钥列入 Crypto:Sm4PreviousKeys。");
    }

    private static byte[] Load(IConfiguration config, IHostEnvironment environment, IDataProtectionProvider protection)
    {
        if (config["Crypto:Sm4Key"] is { Length: > 0 } configured)
        {
            return Parse(configured);
        }

        var protector = protection.CreateProtector("Luoshi.Sm4Key");
        var file = Path.Combine(DataPaths.KeysFolder(config, environment.ContentRootPath), FileName);
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            try
            {
                // CreateNew: of two instances starting at once, one writes and the other reads its key.
                using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream);
                writer.Write(protector.Protect(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Sm4Gcm.KeyBytes))));
            }
            catch (IOException) when (File.Exists(file))
            {
            }
        }

        return Parse(protector.Unprotect(ReadWhole(file)));
    }

    /// <summary>The other instance may still be writing the file it just created.</summary>
    private static string ReadWhole(string file)
    {
        for (var attempt = 0; ; attempt++)
        {
            var text = File.ReadAllText(file).Trim();
            if (text.Length > 0 || attempt >= 50)
            {
                return text;
            }

            Thread.Sleep(100);
        }
    }

    private static (string Id, byte[] Key) Identify(byte[] key) => (Sm3.Hex(Convert.ToHexStringLower(key))[..8], key);

    private static bool IsKey(string hex) => hex.Length == Sm4Gcm.KeyBytes * 2 && hex.All(char.IsAsciiHexDigit);

    private static byte[] Parse(string hex) => IsKey(hex.Trim())
        ? Convert.FromHexString(hex.Trim())
        : throw new CryptographicException(string.Create(CultureInfo.InvariantCulture, $"SM4 密钥须为 {Sm4Gcm.KeyBytes * 2} 位十六进制数。"));
}
