using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Luoshi.Features.Account;

/// <summary>
/// Identity's own store, except that the tokens it keeps for a login (the authenticator key and the
/// recovery codes) are stored protected with the app's data-protection keys: a copy of the database
/// alone yields no second factor. Values from before (no prefix) are still read.
/// </summary>
internal sealed class ProtectedUserStore(LuoshiDb context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<AppUser, LuoshiDb, int>(context, describer)
{
    private const string Prefix = "dp1:";
    private const string IdentityProvider = "[AspNetUserStore]";

    private readonly IDataProtector _protector = protection.CreateProtector("Luoshi.Authenticator");

    public override Task SetTokenAsync(AppUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, loginProvider == IdentityProvider && value is not null ? Prefix + _protector.Protect(value) : value, cancellationToken);

    public override async Task<string?> GetTokenAsync(AppUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal) ? _protector.Unprotect(stored[Prefix.Length..]) : stored;
    }
}
