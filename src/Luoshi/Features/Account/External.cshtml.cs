using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Account;

/// <summary>
/// 统一身份认证: sends the browser to the provider, and on its return turns the provider's answer into
/// the app's own session, audited and checked like a password sign-in. The second factor: a login with
/// an authenticator still gives its code after the provider, unless the provider asserts it asked for a
/// second factor itself (<c>amr</c>, see <see cref="OidcOptions.TrustProviderMfa"/>).
/// </summary>
[AllowAnonymous]
internal sealed partial class ExternalModel(
    IOptions<OidcOptions> options, IOptionsMonitor<OpenIdConnectOptions> handler, ExternalLogins logins, Sessions sessions, Audit.AuditLog audit, ILogger<ExternalModel> log) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public string DisplayName => options.Value.DisplayName;

    private string Next => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        // The provider's metadata is read before the redirect, so a provider that cannot be reached
        // gets a page that says so (and what to do) rather than the error page.
        try
        {
            await handler.Get(OidcOptions.Scheme).ConfigurationManager!.GetConfigurationAsync(ct);
        }
        catch (InvalidOperationException e)
        {
            Unreachable(log, options.Value.Authority, e);
            return Refuse("统一身份认证服务暂时无法访问，请稍后再试；急需登录请联系办公室。", StatusCodes.Status503ServiceUnavailable);
        }

        return Challenge(new AuthenticationProperties { RedirectUri = Url.Page("/Account/External", "Done", new { returnUrl = Next }) }, OidcOptions.Scheme);
    }

    public async Task<IActionResult> OnGetDoneAsync(CancellationToken ct)
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        var result = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        // Read once: the provider's answer is no sign-in of its own.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (result.Principal is not { } external)
        {
            return Refuse("统一身份认证未完成或已超时，请重新登录。", StatusCodes.Status400BadRequest);
        }

        var found = await logins.FindAsync(external, ct);
        if (found.User is not { } user)
        {
            return Refuse(found.Problem!, StatusCodes.Status403Forbidden);
        }

        return await SignOnFinish.CompleteAsync(HttpContext, sessions, audit, user, ExternalLogins.Typed(user.UserName), logins.AssertsSecondFactor(external), Next);
    }

    public IActionResult OnGetFailed() =>
        Refuse("统一身份认证登录未成功（已取消、已超时或认证服务拒绝），请重试。", StatusCodes.Status400BadRequest);

    private PageResult Refuse(string problem, int status)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "统一身份认证服务无法访问：{Authority}")]
    private static partial void Unreachable(ILogger logger, string? authority, Exception error);
}
