using System.ComponentModel.DataAnnotations;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Account;

internal sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
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

        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", "密码错误次数过多，账号已暂时锁定，请15分钟后再试");
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("", "登录名或密码错误");
            return Page();
        }

        var user = await users.FindByNameAsync(UserName.Trim());
        var next = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        return user is { MustChangePassword: true } ? RedirectToPage("/Account/Password", new { returnUrl = next }) : LocalRedirect(next!);
    }
}
