using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Luoshi.Data;
using Luoshi.Features.Audit;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
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

    /// <summary>A spent refresh token presented again within this many seconds of its use is only
    /// refused (a client that sent the same refresh twice at once); later, it ends the session that
    /// grew from it, since then someone else holds a copy (OAuth 2.0 security BCP, reuse detection).</summary>
    public int RefreshReuseGraceSeconds { get; set; } = 10;
}

/// <summary>
/// Every login (a browser's cookie, an API client's tokens) is a session stored on the server, in
/// Identity's user-token table: the cookie or token names it, and is honoured only while the row
/// exists, the login's security stamp is unchanged and the person is active. Logging out deletes the
/// row; a new password, a reset, a role change or a deactivation changes the stamp, which ends every
/// session of that login at once.
/// </summary>
internal sealed class Sessions(LuoshiDb db, SignInManager<AppUser> signIn, TimeProvider time, IOptions<SessionOptions> options, Audit.AuditLog audit, ILoggerFactory logs,
    IMemoryCache memory)
{
    public const string Provider = "luoshi:session";

    /// <summary>A session a refresh replaced: its id as the name, "next-id|spent-at" as the value, kept
    /// for the absolute lifetime so a second use of its refresh token is recognised as reuse.</summary>
    public const string SpentProvider = "luoshi:spent";

    private SessionOptions Settings => options.Value;

    /// <summary>A new session of the login, and the principal that carries it.</summary>
    public async Task<ClaimsPrincipal> StartAsync(AppUser user, DateTimeOffset? signedInAt = null, string? replaces = null)
    {
        var now = time.GetUtcNow();
        var stale = await db.UserTokens.Where(t => t.UserId == user.Id && (t.LoginProvider == Provider || t.LoginProvider == SpentProvider)).ToListAsync();
        db.UserTokens.RemoveRange(stale.Where(t => !DateTimeOffset.TryParse(t.LoginProvider == Provider ? t.Value : SpentAt(t.Value), CultureInfo.InvariantCulture, out var started) || now - started > Absolute));
        var id = Base64Url(RandomNumberGenerator.GetBytes(18));
        var at = signedInAt ?? now;
        db.UserTokens.Add(new IdentityUserToken<int> { UserId = user.Id, LoginProvider = Provider, Name = id, Value = at.ToString("O", CultureInfo.InvariantCulture) });
        if (replaces is not null)
        {
            db.UserTokens.Add(new IdentityUserToken<int> { UserId = user.Id, LoginProvider = SpentProvider, Name = replaces, Value = $"{id}|{now.ToString("O", CultureInfo.InvariantCulture)}" });
        }

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

    /// <summary>
    /// The refresh: the session the refresh token names is spent and a new one, with the same sign-in
    /// time, takes its place. Spending is a conditional delete of the session's row inside a transaction,
    /// so of any number of simultaneous refreshes with one token exactly one deletes the row (PostgreSQL
    /// makes the others wait on the row lock and then find nothing; SQLite has one writer) and gets the
    /// new pair; reading first and writing after let them all through. Null when the token may not be
    /// refreshed: spent, revoked, or past the session's lifetime.
    /// </summary>
    public async Task<ClaimsPrincipal?> RefreshAsync(ClaimsPrincipal old, CancellationToken ct = default)
    {
        if (UserId(old) is not { } userId || old.FindFirstValue(ViewerClaims.Session) is not { } id)
        {
            return null;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var spent = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == id).ExecuteDeleteAsync(ct);
            if (spent == 1)
            {
                if (!await LoginHoldsAsync(old, userId, ct) || await db.Users.FindAsync([userId], ct) is not { } user)
                {
                    await transaction.CommitAsync(ct);
                    return null;
                }

                var next = await StartAsync(user, SignedInAt(old), replaces: id);
                await transaction.CommitAsync(ct);
                return next;
            }
        }

        await EndIfReusedAsync(userId, id, ct);
        return null;
    }

    /// <summary>A refresh token whose session was already spent: within the grace seconds, a copy of a
    /// simultaneous request and only refused; after them, a stolen copy, so the session that grew from
    /// it (following each replacement to the live one) is ended too, and the holder must log in again.</summary>
    private async Task EndIfReusedAsync(int userId, string id, CancellationToken ct)
    {
        var marker = await db.UserTokens.AsNoTracking().SingleOrDefaultAsync(t => t.UserId == userId && t.LoginProvider == SpentProvider && t.Name == id, ct);
        if (marker?.Value is not { } value
            || !DateTimeOffset.TryParse(SpentAt(value), CultureInfo.InvariantCulture, out var spentAt)
            || time.GetUtcNow() - spentAt <= TimeSpan.FromSeconds(Settings.RefreshReuseGraceSeconds))
        {
            return;
        }

        var ended = new List<string>();
        var next = value.Split('|')[0];
        // A chain is at most one replacement per refresh within the absolute lifetime; the bound only
        // guards against a cycle written by hand.
        for (var step = 0; step < 10_000 && next.Length > 0 && !ended.Contains(next); step++)
        {
            ended.Add(next);
            var current = next;
            await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == current).ExecuteDeleteAsync(ct);
            next = (await db.UserTokens.AsNoTracking().Where(t => t.UserId == userId && t.LoginProvider == SpentProvider && t.Name == current)
                .Select(t => t.Value).SingleOrDefaultAsync(ct))?.Split('|')[0] ?? "";
        }

        SecurityLog.RefreshReused(logs.CreateLogger(SecurityLog.Category), userId);
    }

    private static string SpentAt(string? markerValue) => markerValue?.Split('|') is [_, var at] ? at : "";

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
        await db.UserTokens.Where(t => t.UserId == user.Id && (t.LoginProvider == Provider || t.LoginProvider == SpentProvider)).ExecuteDeleteAsync();
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

        // A session found current is kept a few seconds while no write that could end it (a sign-out, a
        // revoked session, a new stamp, a deactivated person) has happened since: API calls come in runs.
        var key = (typeof(Sessions), userId, stamp, id);
        var generation = WriteGeneration.Access;
        if (memory.TryGetValue(key, out long kept) && kept == generation)
        {
            return true;
        }

        var current = await db.Users.AnyAsync(
            u => u.Id == userId && u.SecurityStamp == stamp
                && db.People.Any(p => p.Id == u.PersonId && p.IsActive)
                && db.UserTokens.Any(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == id),
            ct);
        if (current)
        {
            memory.Set(key, generation, ViewerCache.Lifetime);
        }

        return current;
    }

    /// <summary>The login behind a session still holds: the lifetime, the stamp, the person active.</summary>
    private async Task<bool> LoginHoldsAsync(ClaimsPrincipal principal, int userId, CancellationToken ct)
    {
        var stamp = principal.FindFirstValue(signIn.Options.ClaimsIdentity.SecurityStampClaimType);
        return stamp is not null && SignedInAt(principal) is { } at && time.GetUtcNow() - at <= Absolute
            && await db.Users.AnyAsync(u => u.Id == userId && u.SecurityStamp == stamp && db.People.Any(p => p.Id == u.PersonId && p.IsActive), ct);
    }

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ViewerClaims.SignedInAt), CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private TimeSpan Absolute => TimeSpan.FromHours(Settings.AbsoluteHours);

    private int? UserId(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(signIn.Options.ClaimsIdentity.UserIdClaimType), CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
