using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Account;

internal sealed class LoginModel(LoginCheck check, Sessions sessions, Audit.AuditLog audit) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入登录名"), Display(Name = "登录名")]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请输入密码"), Display(Name = "密码")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var attempt = await check.CheckAsync(UserName, Password);
        if (attempt.User is not { } user)
        {
            ModelState.AddModelError("", attempt.Problem!);
            attempt.Describe(Response);
            return Page();
        }

        var next = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        if (user.TwoFactorEnabled)
        {
            await TwoFactorStep.StartAsync(HttpContext, user);
            return RedirectToPage("/Account/LoginCode", new { returnUrl = next });
        }

        await audit.SignedInAsync(user, UserName.Trim());
        await sessions.SignInAsync(HttpContext, user);
        return user.MustChangePassword ? RedirectToPage("/Account/Password", new { returnUrl = next }) : LocalRedirect(next!);
    }
}
