using Microsoft.AspNetCore.Authorization;

namespace Luoshi.Features.Organisation;

/// <summary>Admin pages: the role is read from the database on each request, not from the cookie.</summary>
internal sealed class AdminOnly(CurrentViewer current) : AuthorizationHandler<AdminOnly.Requirement>
{
    public const string Policy = "Admin";

    internal sealed class Requirement : IAuthorizationRequirement;

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
    {
        if (await current.GetAsync() is { IsAdmin: true })
        {
            context.Succeed(requirement);
        }
    }
}
