using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Account;

internal sealed class LogoutModel(SignInManager<Organisation.AppUser> signIn, Sessions sessions) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Dashboard/Index");

    /// <summary>The session ends on the server too, so a copy of the cookie is worth nothing.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await sessions.EndAsync(User);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
