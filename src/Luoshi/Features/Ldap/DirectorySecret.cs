using Microsoft.AspNetCore.DataProtection;

namespace Luoshi.Features.Ldap;

/// <summary>
/// The one place the directory reader's password is protected and revealed, with the app's
/// data-protection keys (as robot secrets are), so a copy of the database alone cannot read the
/// directory. Kept to these two calls so that another cipher (SM4) can take their place here alone.
/// </summary>
internal sealed class DirectorySecret(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Luoshi.Directory.BindPassword");

    public string Protect(string plain) => _protector.Protect(plain);

    public string Reveal(string stored) => _protector.Unprotect(stored);
}
