using System.Security.Claims;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Features.Account;

/// <summary>
/// The end of a sign-in that used no password (统一身份认证, and 免登 from DingTalk or WeCom): a login
/// with an authenticator still gives its code, unless the provider asserted a second factor; otherwise
/// the session starts, audited as a sign-in.
/// </summary>
internal static class SignOnFinish
{
    public static async Task<IActionResult> CompleteAsync(HttpContext http, Sessions sessions, Audit.AuditLog audit, AppUser user, string typed, bool secondFactor, string next)
    {
        if (user.TwoFactorEnabled && !secondFactor)
        {
            await TwoFactorStep.StartAsync(http, user);
            return new RedirectToPageResult("/Account/LoginCode", new { returnUrl = next });
        }

        await audit.SignedInAsync(user, typed);
        var principal = await sessions.StartAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        // No password was used: a one-time password still waiting to be changed does not hold this
        // sign-in up (the person may never need one). A provider's second factor stands for enrolling.
        Drop(identity, ViewerClaims.MustChangePassword);
        if (secondFactor)
        {
            Drop(identity, ViewerClaims.MustEnrollTwoFactor);
        }

        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties { IsPersistent = false });
        return new LocalRedirectResult(next);
    }

    private static void Drop(ClaimsIdentity identity, string type)
    {
        foreach (var claim in identity.FindAll(type).ToList())
        {
            identity.RemoveClaim(claim);
        }
    }
}
