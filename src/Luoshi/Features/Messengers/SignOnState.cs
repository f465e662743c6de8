using System.Security.Cryptography;
using System.Text;

namespace Luoshi.Features.Messengers;

/// <summary>
/// Against login CSRF: 免登 signs in whoever's code arrives, so someone could send a colleague's browser
/// a link with his own code and have the colleague work, unknowing, under his name. A code is therefore
/// taken only by the browser that started the sign-on: the start step gives it a random state in a
/// short-lived cookie and in the messenger's OAuth redirect, and the callback accepts the code only with
/// the same state (once; the cookie is removed).
/// </summary>
internal static class SignOnState
{
    private const string Cookie = "luoshi.signon-state";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static string Issue(HttpContext http, MessengerKind kind)
    {
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(Cookie, $"{kind}.{state}", new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = "/Account", MaxAge = Lifetime, IsEssential = true,
        });
        return state;
    }

    /// <summary>Whether <paramref name="state"/> is the one this browser was given for this messenger; the cookie goes either way.</summary>
    public static bool Take(HttpContext http, MessengerKind kind, string? state)
    {
        var given = http.Request.Cookies[Cookie];
        http.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/Account" });
        return given is not null && state is { Length: > 0 and <= 64 }
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given), Encoding.ASCII.GetBytes($"{kind}.{state}"));
    }
}
