using System.ComponentModel.DataAnnotations;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Account;

/// <summary>Setting up the authenticator: the key (grouped, as a URI and a QR code), a current code to
/// show the phone has it, then ten recovery codes shown this once.</summary>
internal sealed class AuthenticatorModel(UserManager<AppUser> users, IUserStore<AppUser> store, Sessions sessions, Audit.AuditLog audit) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入验证器上的6位动态码"), StringLength(10, ErrorMessage = "动态码为6位数字"), Display(Name = "动态码")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string Key { get; private set; } = "";
    public string Uri { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string Next => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, string.Concat(Code.Where(char.IsAsciiDigit))))
        {
            ModelState.AddModelError(nameof(Code), "动态码不正确，请核对手机时间后输入验证器当前显示的6位数字");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await audit.SecondFactorAsync(Audit.AuditKind.TwoFactorEnabled, user);
        // Sessions begun with the password alone end; this browser goes on with a new one.
        await sessions.EndAllAsync(user, "two-factor enabled");
        await sessions.SignInAsync(HttpContext, user);
        Enabled = true;
        return Page();
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = User.HasClaim(c => c.Type == ViewerClaims.MustEnrollTwoFactor);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: it also renews the security stamp, which would end the
            // session this page is shown in. A key not yet confirmed grants nothing.
            await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), HttpContext.RequestAborted);
            await users.UpdateAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        Key = key!;
        Uri = AuthenticatorKey.Uri(user.UserName ?? "", Key);
        QrSvg = Luoshi.Features.Shared.QrCodes.Svg(Uri, "验证器二维码");
    }
}
