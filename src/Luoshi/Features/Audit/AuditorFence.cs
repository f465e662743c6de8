using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Authorization;

namespace Luoshi.Features.Audit;

/// <summary>
/// Keeps the auditor to the audit log (三员分立). Rather than trusting every page and endpoint to
/// remember him, one gate after authentication lets him reach only the audit page and API, his own
/// password and two-factor pages, logging out and the error page; the home page sends him to the audit page, and
/// everything else is a 403. The role is read from the database (the viewer), not from the cookie.
/// </summary>
internal static class AuditorFence
{
    private static readonly string[] Open = ["/Audit", "/api/audit", "/Account/Password", "/Account/Authenticator", "/Account/LoginCode", "/Account/Logout", "/Account/Login", "/api/auth", "/Error"];

    public static IApplicationBuilder UseAuditorFence(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated != true || Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            || await context.RequestServices.GetRequiredService<CurrentViewer>().GetAsync(context.RequestAborted) is not { Role: Role.Auditor })
        {
            await next(context);
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path is { Value: "/" or "/Dashboard" or "/Dashboard/Index" })
        {
            context.Response.Redirect("/Audit");
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
    });
}

/// <summary>The audit page and API: the auditor only, not the office (separation of duties).</summary>
internal sealed class AuditorOnly(CurrentViewer current) : AuthorizationHandler<AuditorOnly.Requirement>
{
    public const string Policy = "Auditor";

    internal sealed class Requirement : IAuthorizationRequirement;

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
    {
        if (await current.GetAsync() is { Role: Role.Auditor })
        {
            context.Succeed(requirement);
        }
    }
}
