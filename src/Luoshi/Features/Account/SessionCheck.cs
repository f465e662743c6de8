using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Luoshi.Features.Account;

/// <summary>
/// Checks the session of every signed-in request (see <see cref="Sessions"/>): the cookie's in its
/// validation event, so a revoked cookie is also deleted; the bearer token's right after
/// authentication, since the bearer handler has no such event. A request whose session no longer
/// holds goes on as anonymous, so it gets the login page or a 401.
/// </summary>
internal static class SessionCheck
{
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal && !await context.HttpContext.RequestServices.GetRequiredService<Sessions>().IsCurrentAsync(principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    public static IApplicationBuilder UseSessionCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") && context.User.Identity?.IsAuthenticated == true
                && !await context.RequestServices.GetRequiredService<Sessions>().IsCurrentAsync(context.User, context.RequestAborted))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }

            await next(context);
        });
}
