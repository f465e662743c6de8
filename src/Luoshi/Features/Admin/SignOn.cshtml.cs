using Luoshi.Data;
using Luoshi.Features.Account;
using Luoshi.Features.Audit;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Admin;

/// <summary>
/// 登录方式: the office of a unit sees whether the deployment offers 统一身份认证, which of its logins
/// are linked to it, and switches local passwords off or on for its own unit. It lives in Admin because
/// it reads Account's settings and writes the unit (Organisation).
/// </summary>
/// <summary>A login of the unit linked to the provider.</summary>
internal sealed record LinkedLogin(int PersonId, string Name, string UserName);

[Authorize(Policy = AdminOnly.Policy)]
internal sealed class SignOnModel(LuoshiDb db, CurrentViewer current, IOptions<OidcOptions> oidc, AuditLog audit) : PageModel
{
    public const string NoProvider = "本系统尚未配置统一身份认证，不能停用本地密码（否则本单位人员将无法登录）";

    [BindProperty]
    public bool LocalPasswordsOff { get; set; }

    public string UnitName { get; private set; } = "";
    public bool Stored { get; private set; }
    public OidcOptions Provider => oidc.Value;
    public int Logins { get; private set; }
    public List<string> Unlinked { get; private set; } = [];
    public List<LinkedLogin> Linked { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        LocalPasswordsOff = Stored;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var unit = await db.Units.FirstAsync(u => u.Id == viewer.UnitId, ct);
        if (LocalPasswordsOff && !oidc.Value.Enabled)
        {
            ModelState.AddModelError(nameof(LocalPasswordsOff), NoProvider);
            await LoadAsync(ct);
            return Page();
        }

        if (unit.LocalPasswordsOff == LocalPasswordsOff)
        {
            TempData["Notice"] = "登录方式未改变";
            return Redirect("/Admin/SignOn");
        }

        unit.LocalPasswordsOff = LocalPasswordsOff;
        // The change and its entry are saved together.
        audit.Add(AuditKind.SignOnChanged, viewer, null, unit.Name, LocalPasswordsOff ? "停用本地密码登录" : "恢复本地密码登录");
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = LocalPasswordsOff ? "已停用本单位的本地密码登录" : "已恢复本单位的本地密码登录";
        return Redirect("/Admin/SignOn");
    }

    /// <summary>Undoes a wrong link (a first sign-in matched the wrong person, or the person's account at
    /// the provider was replaced): the next sign-in through the provider links afresh.</summary>
    public async Task<IActionResult> OnPostUnlinkAsync(int personId, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.PersonId == personId && u.UnitId == viewer.UnitId, ct);
        var links = user is null ? [] : await db.UserLogins.Where(l => l.UserId == user.Id && l.LoginProvider == OidcOptions.Scheme).ToListAsync(ct);
        if (user is null || links.Count == 0)
        {
            return NotFound();
        }

        db.UserLogins.RemoveRange(links);
        audit.Add(AuditKind.SignOnChanged, viewer, personId, user.UserName, "解除统一身份认证关联");
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = $"已解除 {user.UserName} 的统一身份认证关联";
        return Redirect("/Admin/SignOn");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == viewer.UnitId, ct);
        UnitName = unit.Name;
        Stored = unit.LocalPasswordsOff;
        var logins = db.Users.Where(u => u.UnitId == viewer.UnitId && db.People.Any(p => p.Id == u.PersonId && p.IsActive));
        Logins = await logins.CountAsync(ct);
        // Who would be shut out first: active logins not yet linked to the provider.
        Unlinked = await logins
            .Where(u => !db.UserLogins.Any(l => l.UserId == u.Id && l.LoginProvider == OidcOptions.Scheme))
            .Join(db.People, u => u.PersonId, p => p.Id, (u, p) => p.Name)
            .OrderBy(n => n).Take(200).ToListAsync(ct);
        Linked = await logins
            .Where(u => db.UserLogins.Any(l => l.UserId == u.Id && l.LoginProvider == OidcOptions.Scheme))
            .Join(db.People, u => u.PersonId, p => p.Id, (u, p) => new { p.Id, p.Name, u.UserName })
            .OrderBy(l => l.Name).Take(500)
            .Select(l => new LinkedLogin(l.Id, l.Name, l.UserName ?? "")).ToListAsync(ct);
    }
}
