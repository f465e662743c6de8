using System.Security.Cryptography;
using Luoshi.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Luoshi.Tests.Data;

/// <summary>The secret box: SM4 or data protection by setting, values of either still read, the SM4 key from
/// configuration or made once and kept wrapped in the keys folder.</summary>
public sealed class SecretBoxTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("luoshi-secretbox-");

    [Fact]
    public void ValuesOfEitherSettingStillReadAfterASwitch()
    {
        var settings = new Dictionary<string, string?> { ["Crypto:Sm4Key"] = "00112233445566778899aabbccddeeff" };
        var (plain, guomi) = (Box(settings), Box(new(settings) { ["Crypto:Guomi"] = "true" }));

        var before = plain.Protect("robot", "钉钉密钥");
        var after = guomi.Protect("robot", "钉钉密钥");

        Assert.StartsWith(SecretBox.DataProtectionPrefix, before, StringComparison.Ordinal);
        Assert.StartsWith(SecretBox.Sm4Prefix, after, StringComparison.Ordinal);
        Assert.Equal("钉钉密钥", guomi.Unprotect("robot", before));
        Assert.Equal("钉钉密钥", plain.Unprotect("robot", after));
        Assert.False(guomi.IsCurrent(before));
        Assert.True(guomi.IsCurrent(after));
        // Bound to its purpose: a robot's secret does not open as a signing key.
        Assert.ThrowsAny<CryptographicException>(() => guomi.Unprotect("signing-key", after));
    }

    [Fact]
    public void WithoutAConfiguredKeyOneIsMadeOnceAndKeptWrappedInTheKeysFolder()
    {
        var settings = new Dictionary<string, string?> { ["Crypto:Guomi"] = "true" };
        var sealedValue = Box(settings).Protect("robot", "企业微信密钥");

        var file = Path.Combine(_folder.FullName, Sm4KeySource.FileName);
        var stored = File.ReadAllText(file);
        Assert.StartsWith("CfDJ8", stored, StringComparison.Ordinal); // wrapped by the key ring, not 32 hex digits
        // Another instance (a new box on the same folder) opens it with the same key.
        Assert.Equal("企业微信密钥", Box(settings).Unprotect("robot", sealedValue));
        Assert.Equal(stored, File.ReadAllText(file));
    }

    [Fact]
    public void AChangedKeyIsNamedAndThePreviousKeyStillOpensOldValues()
    {
        var old = new Dictionary<string, string?> { ["Crypto:Guomi"] = "true", ["Crypto:Sm4Key"] = "00112233445566778899aabbccddeeff" };
        var sealedValue = Box(old).Protect("robot", "旧值");
        var changed = new Dictionary<string, string?>(old) { ["Crypto:Sm4Key"] = "ffeeddccbbaa99887766554433221100" };

        var refused = Assert.ThrowsAny<CryptographicException>(() => Box(changed).Unprotect("robot", sealedValue));
        Assert.Contains("Crypto:Sm4PreviousKeys", refused.Message, StringComparison.Ordinal);
        changed["Crypto:Sm4PreviousKeys:0"] = "00112233445566778899aabbccddeeff";
        Assert.Equal("旧值", Box(changed).Unprotect("robot", sealedValue));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private SecretBox Box(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["DataProtection:Folder"] = _folder.FullName }).Build();
        var protection = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(_folder.FullName, "ring")));
        return new SecretBox(config, protection, new Sm4KeySource(config, new Folder(_folder.FullName), protection));
    }

    private sealed class Folder(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "Luoshi";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
