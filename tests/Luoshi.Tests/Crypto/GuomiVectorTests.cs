using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Luoshi.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Security;

namespace Luoshi.Tests.Crypto;

/// <summary>The example vectors printed in the standards, so the 国密 algorithms are the standard's, not look-alikes.</summary>
public sealed class GuomiVectorTests
{
    [Fact]
    public void Sm3OfAbcIsTheFirstExampleOfGbT32905() =>
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", Sm3.Hex("abc"));

    [Fact]
    public void Sm3OfSixtyFourBytesIsTheSecondExampleOfGbT32905() =>
        Assert.Equal("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732", Sm3.Hex(string.Concat(Enumerable.Repeat("abcd", 16))));

    [Fact]
    public void Sm4EncryptsTheBlockOfGbT32907()
    {
        Assert.Equal("681edf34d206965e86b3e94f536e4246", Convert.ToHexStringLower(Encrypt(Example, Example, 1)));
    }

    /// <summary>The standard's second example: the same block encrypted a million times over with the same key
    /// (well under a second here, so it runs every time).</summary>
    [Fact]
    public void Sm4EncryptsTheBlockAMillionTimesAsInGbT32907()
    {
        var watch = Stopwatch.StartNew();
        Assert.Equal("595298c7c6fd271f0402f804c33d3f66", Convert.ToHexStringLower(Encrypt(Example, Example, 1_000_000)));
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), $"一百万次 SM4 用了 {watch.Elapsed}");
    }

    [Fact]
    public void Sm4GcmOpensWhatItSealedAndRefusesAnAlteredValue()
    {
        var key = RandomNumberGenerator.GetBytes(16);
        var sealedValue = Sm4Gcm.Seal(key, "机器人密钥"u8, "robot"u8);

        Assert.Equal("机器人密钥", Encoding.UTF8.GetString(Sm4Gcm.Open(key, sealedValue, "robot"u8)));
        Assert.Throws<CryptographicException>(() => Sm4Gcm.Open(key, sealedValue, "oidc"u8));
        sealedValue[^1] ^= 1;
        Assert.Throws<CryptographicException>(() => Sm4Gcm.Open(key, sealedValue, "robot"u8));
    }

    /// <summary>GB/T 32918.2 Annex A: the example curve over Fp-256, the key dA, ID ALICE123@YAHOO.COM, the
    /// message "message digest" and the random k, giving the printed public key and signature (r, s).</summary>
    [Fact]
    public void Sm2SignsAndVerifiesTheWorkedExampleOfGbT32918()
    {
        var d = new BigInteger("128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263", 16);
        var id = Encoding.ASCII.GetBytes("ALICE123@YAHOO.COM");
        var message = Encoding.ASCII.GetBytes("message digest");
        const string Signature = "40f1ec59f793d9f49e09dcef49130d4194f79fb1eed2caa55bacdb49c4e755d1" + "6fc6dac32c5d5cf10c77dfb20f7c2eb667a457872fb09ec56327a67ec7deebe7";

        var publicKey = Sm2.PublicKeyOf(d, ExampleCurve);
        Assert.Equal("04" + "0ae4c7798aa0f119471bee11825be46202bb79e2a5844495e97c04ff4df2548a" + "7c0240f88f1cd4e16352a73c17b7f16f07353e53a176d684a9fe0c6bb798e857", publicKey);
        var key = Sm2.PublicKey(Convert.FromHexString(publicKey), ExampleCurve);
        Assert.True(Sm2.Verify(key, message, id, Convert.FromHexString(Signature)));
        Assert.Equal(Signature, Convert.ToHexStringLower(Sm2.Sign(new ECPrivateKeyParameters(d, ExampleCurve), message, id,
            new FixedK(Convert.FromHexString("6CB28D99385C175C94F94E934817663FC176D925DD72B727260DBAAE1FB2F96F")))));
        Assert.False(Sm2.Verify(key, Encoding.ASCII.GetBytes("message digesT"), id, Convert.FromHexString(Signature)));
        Assert.False(Sm2.Verify(key, message, Encoding.ASCII.GetBytes("BOB"), Convert.FromHexString(Signature)));
    }

    /// <summary>On the recommended curve sm2p256v1 with a known key and k (the vector BouncyCastle's own tests use),
    /// and a fresh key pair signing and verifying through the app's entry points.</summary>
    [Fact]
    public void Sm2SignsOnTheRecommendedCurve()
    {
        var d = new BigInteger("110E7973206F68C19EE5F7328C036F26911C8C73B4E4F36AE3291097F8984FFC", 16);
        var signature = Sm2.Sign(new ECPrivateKeyParameters(d, Sm2.Curve), Encoding.ASCII.GetBytes("hi chappy"), Encoding.ASCII.GetBytes("sm2test@example.com"),
            new FixedK(Convert.FromHexString("3174C6FFC3C279D2422F3FC0A9F3E574674A4490FE45A5325CAF7D3EC4C8F96C")));
        Assert.Equal("05890b9077b92e47b17a1ff42a814280e556afd92b4a98b9670bf8b1a274c2fa" + "e3abbb8db2b6ecd9b24eccea7f679fb9a4b1db52f4aa985e443ad73237fa1993", Convert.ToHexStringLower(signature));

        var pair = Sm2.Generate();
        var signed = Sm2.Sign(pair.PrivateKey, "链尾 3-120"u8);
        Assert.True(Sm2.Verify(pair.PublicKey, "链尾 3-120"u8, signed));
        Assert.False(Sm2.Verify(pair.PublicKey, "链尾 3-121"u8, signed));
        Assert.False(Sm2.Verify(Sm2.Generate().PublicKey, "链尾 3-120"u8, signed));
    }

    private static readonly byte[] Example = Convert.FromHexString("0123456789abcdeffedcba9876543210");

    private static byte[] Encrypt(byte[] key, byte[] block, int times)
    {
        var cipher = Sm4Gcm.Block();
        cipher.Init(true, new KeyParameter(key));
        var (input, output) = (block.ToArray(), new byte[16]);
        for (var i = 0; i < times; i++)
        {
            cipher.ProcessBlock(input, 0, output, 0);
            (input, output) = (output, input);
        }

        return input;
    }

    /// <summary>The curve of the standard's worked example (not for use: its parameters are printed for checking).</summary>
    private static readonly ECDomainParameters ExampleCurve = CreateExampleCurve();

    private static ECDomainParameters CreateExampleCurve()
    {
        var p = new BigInteger("8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3", 16);
        var a = new BigInteger("787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498", 16);
        var b = new BigInteger("63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A", 16);
        var n = new BigInteger("8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7", 16);
        var curve = new FpCurve(p, a, b, n, BigInteger.One);
        var g = curve.CreatePoint(new BigInteger("421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D", 16),
            new BigInteger("0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2", 16));
        return new ECDomainParameters(curve, g, n, BigInteger.One);
    }

    /// <summary>Gives the signer the standard's k instead of a random one.</summary>
    private sealed class FixedK(byte[] k) : SecureRandom
    {
        public override void NextBytes(byte[] buf) => NextBytes(buf.AsSpan());

        public override void NextBytes(byte[] buf, int off, int len) => NextBytes(buf.AsSpan(off, len));

        public override void NextBytes(Span<byte> buffer) => k.AsSpan(k.Length - buffer.Length).CopyTo(buffer);
    }
}
