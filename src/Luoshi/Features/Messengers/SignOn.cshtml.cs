using System.Security.Cryptography;
using Luoshi.Data;
using Luoshi.Features.Account;
using Luoshi.Features.Audit;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Messengers;

/// <summary>
/// 免登: the page the app opens inside DingTalk (with the authCode of the JSAPI requestAuthCode) or
/// WeCom (with the code of its OAuth redirect, which the start handler begins with a state only the
/// starting browser holds: <see cref="SignOnState"/>). The code is exchanged for the member's userid through
/// the unit's app, and the person linked to that userid by the address-book sync is signed in as after
/// any sign-on (<see cref="SignOnFinish"/>). A code of nobody linked, a person deactivated, a locked
/// login: refused with a page that says why, and audited as a refused sign-in.
/// </summary>
[AllowAnonymous]
internal sealed class SignOnModel(
    LuoshiDb db, IEnumerable<IMessengerApi> apis, MessengerSecrets secrets, SignOnState states, UserManager<AppUser> users, Sessions sessions, AuditLog audit, IConfiguration config) : PageModel
{
    public string Title { get; private set; } = "免登";
    public string? Problem { get; private set; }

    /// <summary>WeCom's entry (the app's homepage in the workbench): sends the browser through WeCom's
    /// OAuth (snsapi_base, silent inside WeCom) with a state only this browser holds.</summary>
    public async Task<IActionResult> OnGetStartAsync(string messenger, int? unit, CancellationToken ct)
    {
        var kind = KindOf(messenger);
        if (kind != MessengerKind.WeCom)
        {
            // DingTalk's code comes from the JSAPI inside its client, not from a redirect (not shipped).
            return NotFound();
        }

        if (await AppAsync(kind, unit, ct) is not { } app)
        {
            return Problem is null ? NotFound() : Page();
        }

        var back = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/Account/WeCom?unit={app.UnitId}";
        var state = await states.IssueAsync(HttpContext, kind, ct);
        return Redirect($"{config["Messengers:WeComOAuthUrl"] ?? WeComOAuth}?appid={Uri.EscapeDataString(app.CorpId)}&redirect_uri={Uri.EscapeDataString(back)}"
            + $"&response_type=code&scope=snsapi_base&state={state}&agentid={app.AgentId}#wechat_redirect");
    }

    public async Task<IActionResult> OnGetAsync(string messenger, string? code, string? state, int? unit, string? returnUrl, CancellationToken ct)
    {
        var kind = KindOf(messenger);
        if (await AppAsync(kind, unit, ct) is not { } app)
        {
            return Problem is null ? NotFound() : Page();
        }

        if (string.IsNullOrWhiteSpace(code) || code.Length > 512)
        {
            return Refuse($"没有收到{kind.Chinese()}的免登授权码，请从{kind.Chinese()}工作台中的应用重新进入。", StatusCodes.Status400BadRequest);
        }

        // WeCom's code comes back from the redirect the start step made: only to the browser that made it.
        if (kind == MessengerKind.WeCom && !await states.TakeAsync(HttpContext, kind, state, ct))
        {
            await audit.RefusedAsync(null, Typed(kind, "?"), $"{kind} sign-on: the state is not this browser's, expired or used", token: false);
            return Refuse($"这次免登不是从本浏览器发起的、已超过10分钟或已使用过，请从{kind.Chinese()}工作台中的应用重新进入。", StatusCodes.Status400BadRequest);
        }

        string? userId;
        try
        {
            userId = await apis.Single(a => a.Kind == kind).UserIdByCodeAsync(secrets.Access(app), code, ct);
        }
        catch (MessengerProblem e) when (e.Transient)
        {
            return Refuse($"{kind.Chinese()}接口暂时无法访问，请稍后再试；急需登录请使用账号密码。", StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception e) when (e is MessengerProblem or CryptographicException)
        {
            // An expired or used code, or an app whose credentials no longer hold.
            await audit.RefusedAsync(null, Typed(kind, "?"), $"{kind} sign-on refused by the API: {e.Message}", token: false);
            return Refuse($"{kind.Chinese()}免登未成功（授权码无效或已过期），请从工作台重新进入。", StatusCodes.Status400BadRequest);
        }

        var personId = userId is null ? null : await db.Set<MessengerLink>().IgnoreQueryFilters()
            .Where(l => l.UnitId == app.UnitId && l.Kind == kind && l.UserId == userId).Select(l => (int?)l.PersonId).FirstOrDefaultAsync(ct);
        var user = personId is null ? null : await db.Users.FirstOrDefaultAsync(u => u.PersonId == personId && u.UnitId == app.UnitId, ct);
        var typed = Typed(kind, userId ?? "?");
        if (user is null)
        {
            await audit.RefusedAsync(null, typed, userId is null ? $"{kind} sign-on: not a member" : $"{kind} sign-on: not linked", token: false);
            return Refuse($"您的{kind.Chinese()}账号尚未与本系统人员对应，请联系本单位办公室同步通讯录或开通账号。", StatusCodes.Status403Forbidden);
        }

        if (!await db.People.IgnoreQueryFilters([UnitKeys.FilterName]).AnyAsync(p => p.Id == user.PersonId && p.IsActive, ct))
        {
            await audit.RefusedAsync(user, typed, "person inactive", token: false);
            return Refuse(ExternalLogins.Inactive, StatusCodes.Status403Forbidden);
        }

        if (await users.IsLockedOutAsync(user))
        {
            await audit.RefusedAsync(user, typed, "locked", token: false);
            return Refuse("您的账号因多次输错密码暂时锁定，请稍后再试。", StatusCodes.Status403Forbidden);
        }

        var next = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        return await SignOnFinish.CompleteAsync(HttpContext, sessions, audit, user, typed, secondFactor: false, next);
    }

    /// <summary>WeCom's OAuth page (政务微信 has its own: <c>Messengers:WeComOAuthUrl</c>).</summary>
    private const string WeComOAuth = "https://open.weixin.qq.com/connect/oauth2/authorize";

    private static MessengerKind KindOf(string messenger) => messenger == "DingTalk" ? MessengerKind.DingTalk : MessengerKind.WeCom;

    /// <summary>The one unit whose app has 免登 on (named by <paramref name="unit"/> when several have);
    /// null when none (404) or several (<see cref="Problem"/> says so).</summary>
    private async Task<MessengerSettings?> AppAsync(MessengerKind kind, int? unit, CancellationToken ct)
    {
        Title = kind.Chinese() + "免登";
        var apps = await db.Set<MessengerSettings>().AsNoTracking().IgnoreQueryFilters()
            .Where(s => s.Kind == kind && s.Enabled && s.SignOn && (unit == null || s.UnitId == unit)).Take(2).ToListAsync(ct);
        if (apps.Count > 1)
        {
            Refuse($"本系统有多个单位启用了{kind.Chinese()}免登，请从本单位工作台中的应用进入（其地址带有单位编号）。", StatusCodes.Status400BadRequest);
            return null;
        }

        return apps.Count == 1 ? apps[0] : null;
    }

    /// <summary>What the audit log shows as typed: the userid, marked with the messenger.</summary>
    private static string Typed(MessengerKind kind, string userId) => $"{userId}（{kind.Chinese()}免登）";

    private PageResult Refuse(string problem, int status)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }
}
