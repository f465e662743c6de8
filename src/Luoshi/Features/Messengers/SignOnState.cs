using System.Security.Cryptography;
using System.Text;
using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Messengers;

/// <summary>
/// Against login CSRF: 免登 signs in whoever's code arrives, so someone could send a colleague's browser
/// a link with his own code and have the colleague work, unknowing, under his name. A code is therefore
/// taken only by the browser that started the sign-on: the start step gives it a random state in a
/// short-lived cookie and in the messenger's OAuth redirect, and the callback accepts the code only with
/// the same state. The state is also a row (<see cref="SignOnNonce"/>) that the callback deletes: of two
/// callbacks with the same cookie and state (a replay, a double submit), only the one whose delete
/// removed the row goes on, and a state past its ten minutes is refused whatever the cookie says.
/// </summary>
internal sealed class SignOnState(LuoshiDb db, TimeProvider clock)
{
    private const string Cookie = "luoshi.signon-state";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<string> IssueAsync(HttpContext http, MessengerKind kind, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Abandoned starts (a browser closed inside WeCom) are never taken: they go here.
        await db.Set<SignOnNonce>().Where(n => n.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        db.Add(new SignOnNonce { Hash = HashOf(state), Kind = kind, ExpiresAt = now + Lifetime });
        await db.SaveChangesAsync(ct);
        http.Response.Cookies.Append(Cookie, $"{kind}.{state}", new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = "/Account", MaxAge = Lifetime, IsEssential = true,
        });
        return state;
    }

    /// <summary>Whether <paramref name="state"/> is the one this browser was given for this messenger,
    /// unexpired and not used before; the cookie goes either way, the row when the cookie matched.</summary>
    public async Task<bool> TakeAsync(HttpContext http, MessengerKind kind, string? state, CancellationToken ct)
    {
        var given = http.Request.Cookies[Cookie];
        http.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/Account" });
        if (given is null || state is not { Length: > 0 and <= 64 }
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given), Encoding.ASCII.GetBytes($"{kind}.{state}")))
        {
            return false;
        }

        // One statement claims the state: whichever concurrent callback deletes the row is the one.
        var hash = HashOf(state);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<SignOnNonce>().Where(n => n.Hash == hash && n.Kind == kind && n.ExpiresAt > now).ExecuteDeleteAsync(ct) == 1;
    }

    private static string HashOf(string state) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(state)));
}
