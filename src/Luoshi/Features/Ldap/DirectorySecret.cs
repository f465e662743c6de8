using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Ldap;

/// <summary>
/// The one place the directory reader's password is protected and revealed: through the
/// <see cref="SecretBox"/> (SM4 with 国密 on, else the data-protection keys), as robot secrets are, so a
/// copy of the database alone cannot read the directory. Passwords saved before the box (bare
/// data-protection payloads under the same purpose) still open, and are converted at start.
/// </summary>
internal sealed class DirectorySecret(SecretBox box)
{
    /// <summary>The data-protection purpose the password has always had, so old values still open.</summary>
    private const string Purpose = "Luoshi.Directory.BindPassword";

    public string Protect(string plain) => box.Protect(Purpose, plain);

    public string Reveal(string stored) =>
        box.Unprotect(Purpose, SecretBox.IsProtected(stored) ? stored : SecretBox.DataProtectionPrefix + stored);

    /// <summary>Re-protects the passwords saved before the box or under the other setting; returns how many.</summary>
    public async Task<int> ProtectStoredAsync(LuoshiDb db, CancellationToken ct = default)
    {
        var prefix = box.CurrentPrefix;
        var stale = await db.Set<DirectorySettings>().IgnoreQueryFilters([UnitKeys.FilterName])
            .Where(s => s.ProtectedBindPassword != "" && !s.ProtectedBindPassword.StartsWith(prefix)).ToListAsync(ct);
        foreach (var settings in stale)
        {
            settings.ProtectedBindPassword = Protect(Reveal(settings.ProtectedBindPassword));
        }

        await db.SaveChangesAsync(ct);
        return stale.Count;
    }
}
