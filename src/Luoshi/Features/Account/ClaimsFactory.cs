using System.Security.Claims;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Account;

/// <summary>Puts the person and unit on the login's claims; everything else is read per request.</summary>
internal sealed class ClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, Data.LuoshiDb db, TwoFactorRule twoFactor)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ViewerClaims.Person, user.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ViewerClaims.Unit, user.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(ViewerClaims.MustChangePassword, "1"));
        }

        // Read once per sign-in: a role change or a reset ends the session, so the claim never goes stale.
        if (await twoFactor.MustEnrollAsync(db, user))
        {
            identity.AddClaim(new Claim(ViewerClaims.MustEnrollTwoFactor, "1"));
        }

        return identity;
    }
}
