using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Luoshi.Crypto;

/// <summary>
/// SM4 (GB/T 32907-2016) in GCM mode (GB/T 17964-2021, RFC 8998): encryption that also proves the
/// value was not altered, so a changed byte in the database is refused rather than decrypted to
/// rubbish. A sealed value is nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes); the associated data names
/// what the value is for, so a value cannot be moved to another purpose.
/// </summary>
public static class Sm4Gcm
{
    public const int KeyBytes = 16;
    private const int NonceBytes = 12;
    private const int TagBits = 128;

    /// <summary>The block cipher itself, for the standard's single-block vectors.</summary>
    public static IBlockCipher Block() => new SM4Engine();

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plain, ReadOnlySpan<byte> associated)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var cipher = Cipher(true, key, nonce, associated);
        var sealedValue = new byte[NonceBytes + cipher.GetOutputSize(plain.Length)];
        nonce.CopyTo(sealedValue, 0);
        var written = cipher.ProcessBytes(plain, sealedValue.AsSpan(NonceBytes));
        cipher.DoFinal(sealedValue.AsSpan(NonceBytes + written));
        return sealedValue;
    }

    /// <summary>The plain bytes; throws <see cref="CryptographicException"/> when the value, the key or
    /// the associated data is not the one it was sealed with.</summary>
    public static byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedValue, ReadOnlySpan<byte> associated)
    {
        if (sealedValue.Length < NonceBytes + (TagBits / 8))
        {
            throw new CryptographicException("SM4 密文过短。");
        }

        var cipher = Cipher(false, key, sealedValue[..NonceBytes].ToArray(), associated);
        var body = sealedValue[NonceBytes..];
        var plain = new byte[cipher.GetOutputSize(body.Length)];
        try
        {
            var written = cipher.ProcessBytes(body, plain);
            written += cipher.DoFinal(plain.AsSpan(written));
            return plain[..written];
        }
        catch (InvalidCipherTextException e)
        {
            throw new CryptographicException("SM4 密文校验失败：密钥不符或密文被改动。", e);
        }
    }

    private static GcmBlockCipher Cipher(bool encrypt, ReadOnlySpan<byte> key, byte[] nonce, ReadOnlySpan<byte> associated)
    {
        if (key.Length != KeyBytes)
        {
            throw new ArgumentException("SM4 密钥须为 128 位（16 字节）。", nameof(key));
        }

        var cipher = new GcmBlockCipher(Block());
        cipher.Init(encrypt, new AeadParameters(new KeyParameter(key), TagBits, nonce, associated.ToArray()));
        return cipher;
    }
}
