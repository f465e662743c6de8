using System.Security.Claims;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Account;

/// <summary>The login a provider's answer names, or what the person is told instead.</summary>
internal sealed record ExternalSignIn(AppUser? User, string? Problem, bool Linked = false);

/// <summary>
/// Maps a person signed in at the provider to a login of this app. The provider's subject (<c>sub</c>)
/// is stored as an Identity external login (AspNetUserLogins) once linked; the first time, the
/// configured claim is compared with a login name or a person's email, and the match is linked. No
/// login is ever created here: an unknown subject is refused, so nobody becomes an office administrator
/// by having an account at the provider.
/// </summary>
internal sealed class ExternalLogins(LuoshiDb db, UserManager<AppUser> users, IOptions<OidcOptions> options, Audit.AuditLog audit)
{
    public const string NotOpened = "您的统一身份认证账号尚未在本系统开通，请联系管理员开通。";
    public const string LinkedElsewhere = "本系统中与您对应的账号已关联另一个统一身份认证账号，请联系管理员处理。";
    public const string Inactive = "您在本系统的账号已停用，请联系管理员。";

    private OidcOptions Settings => options.Value;

    public async Task<ExternalSignIn> FindAsync(ClaimsPrincipal external, CancellationToken ct = default)
    {
        var subject = external.FindFirstValue("sub");
        var named = external.FindFirstValue(Settings.ClaimForUser)?.Trim();
        var typed = Typed(named ?? subject);
        if (string.IsNullOrWhiteSpace(subject))
        {
            return await RefuseAsync(null, typed, "oidc no subject", NotOpened);
        }

        var user = await users.FindByLoginAsync(OidcOptions.Scheme, subject);
        var linked = false;
        if (user is null)
        {
            var match = string.IsNullOrWhiteSpace(named) ? null : await MatchAsync(named, ct);
            if (match is null)
            {
                return await RefuseAsync(null, typed, "oidc not opened", NotOpened);
            }

            // One subject per login: a second account at the provider that happens to carry the same
            // name does not take over a login already linked.
            if ((await users.GetLoginsAsync(match)).Any(l => l.LoginProvider == OidcOptions.Scheme))
            {
                return await RefuseAsync(match, typed, "oidc linked to another subject", LinkedElsewhere);
            }

            // Staged, so the link's own save writes it.
            audit.AddForUser(Audit.AuditKind.ExternalLinked, match);
            try
            {
                var result = await users.AddLoginAsync(match, new UserLoginInfo(OidcOptions.Scheme, subject, Settings.DisplayName));
                if (!result.Succeeded)
                {
                    return await RefuseAsync(match, typed, "oidc link failed", NotOpened);
                }
            }
            catch (DbUpdateException)
            {
                // The same first sign-in in two tabs at once: the other one linked it.
                db.ChangeTracker.Clear();
            }

            user = await users.FindByLoginAsync(OidcOptions.Scheme, subject);
            if (user is null || user.Id != match.Id)
            {
                return await RefuseAsync(match, typed, "oidc linked to another subject", LinkedElsewhere);
            }

            linked = true;
        }

        var personId = user.PersonId;
        if (!await db.People.IgnoreQueryFilters([UnitKeys.FilterName]).AnyAsync(p => p.Id == personId && p.IsActive, ct))
        {
            return await RefuseAsync(user, typed, "person inactive", Inactive);
        }

        return new(user, null, linked);
    }

    /// <summary>Whether the provider says it asked for a second factor (RFC 8176 <c>amr</c>), and the
    /// deployment lets that stand for the app's own.</summary>
    public bool AssertsSecondFactor(ClaimsPrincipal external)
    {
        var values = Settings.MfaValues is { Length: > 0 } v ? v : OidcOptions.DefaultMfaValues;
        return Settings.TrustProviderMfa && external.FindAll("amr").Any(c => values.Contains(c.Value, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>What the audit log shows as typed: the name the provider gave, marked as such.</summary>
    public static string Typed(string? name) => $"{name}（统一身份认证）";

    private async Task<AppUser?> MatchAsync(string value, CancellationToken ct)
    {
        if (!Settings.MatchesEmail)
        {
            return await users.FindByNameAsync(value);
        }

        // An email shared by two people's logins names neither.
        var email = value.ToLowerInvariant();
        var people = db.People.IgnoreQueryFilters([UnitKeys.FilterName]);
        // Lowered on both sides in SQL: string.Equals with a comparison has no translation in either provider.
#pragma warning disable CA1862
        var matches = await db.Users
            .Where(u => people.Any(p => p.Id == u.PersonId && p.Email != null && p.Email.ToLower() == email))
            .Take(2).ToListAsync(ct);
#pragma warning restore CA1862
        return matches is [var only] ? only : null;
    }

    private async Task<ExternalSignIn> RefuseAsync(AppUser? user, string typed, string reason, string problem)
    {
        await audit.RefusedAsync(user, typed, reason, token: false);
        return new(null, problem);
    }
}
