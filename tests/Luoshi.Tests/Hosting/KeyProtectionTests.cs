using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Luoshi.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Hosting;

/// <summary>Issue 17 (等保 level 3): with a certificate configured, the data-protection keys on disk are encrypted.</summary>
public class KeyProtectionTests
{
    [Fact]
    public void WithACertificateTheKeysOnDiskAreEncryptedAndAnotherStartStillReadsThem()
    {
        var folder = Directory.CreateTempSubdirectory("luoshi-keys-").FullName;
        var pfx = Path.Combine(folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=落实数据保护", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
            File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pkcs12, "Cert-Pass-2026"));
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = "Cert-Pass-2026",
        }).Build();
        var keys = Path.Combine(folder, "keys");

        var payload = Protector(keys, config, out var applied).Protect("钉钉机器人密钥");

        Assert.True(applied);
        var xml = File.ReadAllText(Assert.Single(Directory.GetFiles(keys, "key-*.xml")));
        Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        Assert.Equal("钉钉机器人密钥", Protector(keys, config, out _).Unprotect(payload));
    }

    [Fact]
    public void WithoutACertificateNothingIsApplied()
    {
        var config = new ConfigurationBuilder().Build();
        Protector(Directory.CreateTempSubdirectory("luoshi-keys-").FullName, config, out var applied);
        Assert.False(applied);
    }

    private static IDataProtector Protector(string keys, IConfiguration config, out bool applied)
    {
        var services = new ServiceCollection();
        applied = KeyProtection.Apply(services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName("Luoshi"), config);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("Luoshi.Tests");
    }
}
