using Luoshi.Data;
using Luoshi.Features.Ldap;
using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.DirectorySync;

/// <summary>The directory reader's password goes through the secret box: SM4 with 国密 on; one saved
/// before the box (a bare data-protection payload) still opens and is re-protected at start.</summary>
public class GuomiDirectorySecretTests
{
    private const string Password = "目录读取-口令-7309";

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task WithGuomiOnTheReadersPasswordIsStoredSm4Encrypted(string db)
    {
        var b = await Bureau.CreateAsync("guomi-" + db);
        var secret = b.App.Services.GetRequiredService<DirectorySecret>();

        var stored = secret.Protect(Password);

        Assert.StartsWith(SecretBox.Sm4Prefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("CfDJ8", stored, StringComparison.Ordinal);
        Assert.Equal(Password, secret.Reveal(stored));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task APasswordSavedBeforeTheBoxIsSm4EncryptedAtStartAndStillOpens(string db)
    {
        var b = await Bureau.CreateAsync("guomi-" + db);
        var before = b.App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Luoshi.Directory.BindPassword").Protect(Password);
        await b.WithDbAsync(async d =>
        {
            d.Add(new DirectorySettings
            {
                UnitId = b.UnitId, ServerUrl = "ldap://127.0.0.1:1", BindDn = "cn=reader", BaseDn = "dc=example", ProtectedBindPassword = before,
                SectionRules = "", UpdatedAt = DateTime.UtcNow,
            });
            await d.SaveChangesAsync();
            return 0;
        });

        await Startup.PrepareAsync(b.App.Services, TextWriter.Null);

        var stored = await b.WithDbAsync(d => d.Set<DirectorySettings>().AsNoTracking().SingleAsync(s => s.UnitId == b.UnitId));
        Assert.StartsWith(SecretBox.Sm4Prefix, stored.ProtectedBindPassword, StringComparison.Ordinal);
        Assert.Equal(Password, b.App.Services.GetRequiredService<DirectorySecret>().Reveal(stored.ProtectedBindPassword));
    }
}
