using System.Text;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;

namespace Luoshi.Crypto;

/// <summary>A key pair as stored: the private key d and the public point 04‖x‖y, both in hex.</summary>
public sealed record Sm2KeyPair(string PrivateKey, string PublicKey);

/// <summary>
/// SM2 signatures (GB/T 32918.2-2016) with SM3, on the recommended curve sm2p256v1. Signatures are
/// r‖s (64 bytes, hex), the form GB/T 35276 calls the plain encoding. The signer's identity in the
/// message digest is the default of GB/T 35276, 1234567812345678, unless another is given.
/// </summary>
public static class Sm2
{
    public static readonly byte[] DefaultId = Encoding.ASCII.GetBytes("1234567812345678");

    public static readonly ECDomainParameters Curve = DomainOf("sm2p256v1");

    public static Sm2KeyPair Generate()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Curve, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var d = ((ECPrivateKeyParameters)pair.Private).D;
        return new Sm2KeyPair(Convert.ToHexStringLower(BigIntegers.AsUnsignedByteArray(32, d)), PublicKeyOf(d, Curve));
    }

    /// <summary>The public point d·G, uncompressed, in hex.</summary>
    public static string PublicKeyOf(BigInteger d, ECDomainParameters curve) =>
        Convert.ToHexStringLower(curve.G.Multiply(d).Normalize().GetEncoded(false));

    public static string Sign(string privateKey, ReadOnlySpan<byte> message) =>
        Convert.ToHexStringLower(Sign(new ECPrivateKeyParameters(new BigInteger(privateKey, 16), Curve), message, DefaultId, new SecureRandom()));

    public static bool Verify(string publicKey, ReadOnlySpan<byte> message, string signature) =>
        IsHex(publicKey) && IsHex(signature) && signature.Length == 128
        && Verify(PublicKey(Convert.FromHexString(publicKey), Curve), message, DefaultId, Convert.FromHexString(signature));

    /// <summary>Signs with the given curve, identity and source of the per-signature secret k (the
    /// standard's worked example fixes all three).</summary>
    public static byte[] Sign(ECPrivateKeyParameters key, ReadOnlySpan<byte> message, byte[] id, SecureRandom random)
    {
        var signer = new SM2Signer(PlainDsaEncoding.Instance);
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(key, random), id));
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    public static bool Verify(ECPublicKeyParameters key, ReadOnlySpan<byte> message, byte[] id, byte[] signature)
    {
        var signer = new SM2Signer(PlainDsaEncoding.Instance);
        signer.Init(false, new ParametersWithID(key, id));
        signer.BlockUpdate(message);
        return signer.VerifySignature(signature);
    }

    /// <summary>A point that is not on the curve is refused here, not trusted later.</summary>
    public static ECPublicKeyParameters PublicKey(byte[] encoded, ECDomainParameters curve) =>
        new(curve.ValidatePublicPoint(curve.Curve.DecodePoint(encoded)), curve);

    private static ECDomainParameters DomainOf(string name)
    {
        var x9 = GMNamedCurves.GetByName(name);
        return new ECDomainParameters(x9.Curve, x9.G, x9.N, x9.H, x9.GetSeed());
    }

    private static bool IsHex(string text) => text.Length % 2 == 0 && text.All(char.IsAsciiHexDigit);
}
