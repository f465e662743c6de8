using System.Globalization;
using System.Security.Claims;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Luoshi.Features.Account;

/// <summary>
/// Between a correct password and the code: Identity's two-factor cookie, which names the login and
/// nothing else, lives five minutes and is read only by the code page. No page or API accepts it,
/// so a half signed-in browser reaches nothing; the session starts only after the code.
/// </summary>
internal static class TwoFactorStep
{
    private const string StampClaim = "luoshi:step-stamp";

    public static Task StartAsync(HttpContext http, AppUser user) =>
        http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Id.ToString(CultureInfo.InvariantCulture)), new Claim(StampClaim, user.SecurityStamp ?? "")],
            IdentityConstants.TwoFactorUserIdScheme)));

    /// <summary>The login waiting for its code; null when none is, or when the login changed since the
    /// password (a reset by the office, a new password).</summary>
    public static async Task<AppUser?> UserAsync(HttpContext http, UserManager<AppUser> users)
    {
        var result = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (result.Principal?.FindFirstValue(ClaimTypes.Name) is not { } id || await users.FindByIdAsync(id) is not { } user)
        {
            return null;
        }

        return user.TwoFactorEnabled && user.SecurityStamp == result.Principal.FindFirstValue(StampClaim) ? user : null;
    }

    public static Task EndAsync(HttpContext http) => http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
}
