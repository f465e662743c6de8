using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Luoshi.Features.Account;

/// <summary>
/// Identity's own store, except that the tokens it keeps for a login (the authenticator key and the
/// recovery codes) are stored encrypted by the <see cref="SecretBox"/> (SM4 with 国密 on, else the
/// data-protection keys): a copy of the database alone yields no second factor. Values from before (no
/// prefix, or the other setting's) are still read.
/// </summary>
internal sealed class ProtectedUserStore(LuoshiDb context, SecretBox box, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<AppUser, LuoshiDb, int>(context, describer)
{
    private const string Purpose = "Luoshi.Authenticator";
    private const string IdentityProvider = "[AspNetUserStore]";

    public override Task SetTokenAsync(AppUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, loginProvider == IdentityProvider && value is not null ? box.Protect(Purpose, value) : value, cancellationToken);

    public override async Task<string?> GetTokenAsync(AppUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return stored is not null && SecretBox.IsProtected(stored) ? box.Unprotect(Purpose, stored) : stored;
    }
}
