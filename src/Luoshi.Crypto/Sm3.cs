using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace Luoshi.Crypto;

/// <summary>SM3 (GB/T 32905-2016), the hash 密评 expects where SHA-256 would otherwise be used.</summary>
public static class Sm3
{
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result);
        return result;
    }

    /// <summary>The hash of the text's UTF-8 bytes, in lower-case hex like the SHA-256 hashes beside it.</summary>
    public static string Hex(string text) => Convert.ToHexStringLower(Hash(Encoding.UTF8.GetBytes(text)));
}
