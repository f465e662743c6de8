using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Account;

/// <summary>How long a login lasts. The defaults meet 等保 level 3 (30 minutes idle).</summary>
internal sealed class SessionOptions
{
    /// <summary>A browser idle this long is signed out; an API client that does not refresh within
    /// it must log in again.</summary>
    public int IdleMinutes { get; set; } = 30;

    /// <summary>However active, a login ends this long after the password was given.</summary>
    public int AbsoluteHours { get; set; } = 12;

    /// <summary>An API access token lives this long; the refresh token gets the next one.</summary>
    public int AccessTokenMinutes { get; set; } = 15;
}

/// <summary>
/// Every login (a browser's cookie, an API client's tokens) is a session stored on the server, in
/// Identity's user-token table: the cookie or token names it, and is honoured only while the row
/// exists, the login's security stamp is unchanged and the person is active. Logging out deletes the
/// row; a new password, a reset, a role change or a deactivation changes the stamp, which ends every
/// session of that login at once.
/// </summary>
internal sealed class Sessions(LuoshiDb db, SignInManager<AppUser> signIn, TimeProvider time, IOptions<SessionOptions> options, Audit.AuditLog audit)
{
    public const string Provider = "luoshi:session";

    private SessionOptions Settings => options.Value;

    /// <summary>A new session of the login, and the principal that carries it.</summary>
    public async Task<ClaimsPrincipal> StartAsync(AppUser user, DateTimeOffset? signedInAt = null)
    {
        var now = time.GetUtcNow();
        var stale = await db.UserTokens.Where(t => t.UserId == user.Id && t.LoginProvider == Provider).ToListAsync();
        db.UserTokens.RemoveRange(stale.Where(t => !DateTimeOffset.TryParse(t.Value, CultureInfo.InvariantCulture, out var started) || now - started > Absolute));
        var id = Base64Url(RandomNumberGenerator.GetBytes(18));
        var at = signedInAt ?? now;
        db.UserTokens.Add(new IdentityUserToken<int> { UserId = user.Id, LoginProvider = Provider, Name = id, Value = at.ToString("O", CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync();

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(ViewerClaims.Session, id));
        identity.AddClaim(new Claim(ViewerClaims.SignedInAt, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return principal;
    }

    /// <summary>Signs the browser in with a new session.</summary>
    public async Task SignInAsync(HttpContext http, AppUser user)
    {
        var principal = await StartAsync(user);
        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>Ends the session the principal carries: logging out, or (<paramref name="loggingOut"/>
    /// false) a refresh replacing it, which is no event for the audit log.</summary>
    public async Task EndAsync(ClaimsPrincipal principal, bool loggingOut = true)
    {
        if (principal.FindFirstValue(ViewerClaims.Session) is { } id && UserId(principal) is { } userId)
        {
            await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == id).ExecuteDeleteAsync();
            if (loggingOut && await db.Users.FindAsync(userId) is { } user)
            {
                await audit.SignedOutAsync(user);
            }
        }
    }

    /// <summary>Ends every session of the login (log out everywhere, new password, reset, role
    /// change, deactivation): a new stamp, and the rows gone.</summary>
    public async Task EndAllAsync(AppUser user, string reason)
    {
        // Staged, so the stamp's update saves it: the entry exists exactly when the sessions ended.
        audit.EndedAll(user, reason);
        await signIn.UserManager.UpdateSecurityStampAsync(user);
        await db.UserTokens.Where(t => t.UserId == user.Id && t.LoginProvider == Provider).ExecuteDeleteAsync();
    }

    /// <summary>Whether the principal's session still holds: within its absolute lifetime, the row
    /// there, the stamp unchanged, the person active. One indexed query per request.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var stampType = signIn.Options.ClaimsIdentity.SecurityStampClaimType;
        if (UserId(principal) is not { } userId || principal.FindFirstValue(stampType) is not { } stamp
            || principal.FindFirstValue(ViewerClaims.Session) is not { } id || SignedInAt(principal) is not { } at
            || time.GetUtcNow() - at > Absolute)
        {
            return false;
        }

        return await db.Users.AnyAsync(
            u => u.Id == userId && u.SecurityStamp == stamp
                && db.People.Any(p => p.Id == u.PersonId && p.IsActive)
                && db.UserTokens.Any(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == id),
            ct);
    }

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ViewerClaims.SignedInAt), CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private TimeSpan Absolute => TimeSpan.FromHours(Settings.AbsoluteHours);

    private int? UserId(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(signIn.Options.ClaimsIdentity.UserIdClaimType), CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
