using System.ComponentModel.DataAnnotations;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Account;

internal sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, Sessions sessions, Data.LuoshiDb db, Audit.AuditLog audit) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入当前密码")]
    public string Current { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请输入新密码")]
    public string New { get; set; } = "";

    [BindProperty, Compare(nameof(New), ErrorMessage = "两次输入的新密码不一致")]
    public string Confirm { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool MustChange { get; private set; }

    public async Task OnGetAsync() => MustChange = (await users.GetUserAsync(User))?.MustChangePassword == true;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (user.DirectoryDn is not null)
        {
            // The directory owns this password (see DirectoryPasswordCheck): a local one would never be asked for.
            ModelState.AddModelError("", DirectoryPasswordCheck.ChangeInDirectory);
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Current, New);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError("", e.Description);
            }

            return Page();
        }

        user.MustChangePassword = false;
        audit.AddForUser(Audit.AuditKind.PasswordChanged, user);
        await users.UpdateAsync(user);
        await Accounts.ForgetOneTimeAsync(db, user.Id);
        // The new password ends every other session of the login; this browser gets a new one.
        await sessions.EndAllAsync(user, "password changed");
        await sessions.SignInAsync(HttpContext, user);
        TempData["Notice"] = "密码已修改，其他设备上的登录已退出";
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    /// <summary>Log out everywhere: every browser and API client of this login, this one included.</summary>
    public async Task<IActionResult> OnPostEverywhereAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await sessions.EndAllAsync(user, "log out everywhere");
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
