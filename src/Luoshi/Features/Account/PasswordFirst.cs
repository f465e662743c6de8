using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Luoshi.Features.Account;

/// <summary>Someone still on a one-time password may do nothing but change it; then someone whose
/// role requires a second factor may do nothing but set up the authenticator.</summary>
internal sealed class PasswordFirst : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        var user = context.HttpContext.User;
        if (user.HasClaim(c => c.Type == ViewerClaims.MustChangePassword) && page is not ("/Account/Password" or "/Account/Logout" or "/Error"))
        {
            context.Result = new RedirectToPageResult("/Account/Password");
            return;
        }

        if (user.HasClaim(c => c.Type == ViewerClaims.MustEnrollTwoFactor) && !user.HasClaim(c => c.Type == ViewerClaims.MustChangePassword)
            && page is not ("/Account/Authenticator" or "/Account/Logout" or "/Error"))
        {
            context.Result = new RedirectToPageResult("/Account/Authenticator");
            return;
        }

        await next();
    }
}
