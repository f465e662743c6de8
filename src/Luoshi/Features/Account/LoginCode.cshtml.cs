using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Account;

/// <summary>The sign-in's second step: the authenticator's code (or a recovery code) after the password.</summary>
internal sealed class LoginCodeModel(UserManager<AppUser> users, SecondFactor second, Sessions sessions, LuoshiDb db, Audit.AuditLog audit) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入验证码"), StringLength(20, ErrorMessage = "验证码不能超过20个字符"), Display(Name = "验证码")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await TwoFactorStep.UserAsync(HttpContext, users) is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await TwoFactorStep.UserAsync(HttpContext, users) is not { } user)
        {
            TempData["Notice"] = "验证已超时，请重新输入密码";
            return RedirectToPage("/Account/Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await second.CheckAsync(user, Code) is { } problem)
        {
            ModelState.AddModelError("", problem);
            return Page();
        }

        // The person may have been deactivated in the minutes since the password.
        if (!await db.People.AnyAsync(p => p.Id == user.PersonId && p.IsActive))
        {
            await TwoFactorStep.EndAsync(HttpContext);
            return RedirectToPage("/Account/Login");
        }

        await TwoFactorStep.EndAsync(HttpContext);
        await audit.SignedInAsync(user, user.UserName ?? "");
        await sessions.SignInAsync(HttpContext, user);
        var next = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
        return user.MustChangePassword ? RedirectToPage("/Account/Password", new { returnUrl = next }) : LocalRedirect(next);
    }
}
