using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Account;

/// <summary>Someone still on a one-time password may do nothing but change it.</summary>
internal sealed class PasswordFirst : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        if (context.HttpContext.User.HasClaim(c => c.Type == ViewerClaims.MustChangePassword) && page is not ("/Account/Password" or "/Account/Logout" or "/Error"))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectToPageResult("/Account/Password");
            return;
        }

        await next();
    }
}
