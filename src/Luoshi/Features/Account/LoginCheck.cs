using System.Globalization;
using System.Threading.RateLimiting;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Account;

internal sealed class LoginOptions
{
    /// <summary>Login attempts (page and API together) per client address per window.</summary>
    public int PerAddressPermitLimit { get; set; } = 30;

    /// <summary>Login attempts per login name per window, whether or not the name exists.</summary>
    public int PerAccountPermitLimit { get; set; } = 10;

    public int WindowMinutes { get; set; } = 15;

    /// <summary>A one-time password (first login, reset) must be used within this time.</summary>
    public int OneTimePasswordHours { get; set; } = 24;

    /// <summary>Whether people of <see cref="TwoFactorRoles"/> must sign in with an authenticator
    /// code as well. Unset means yes, except when the demo bureau is served (see IdentitySetup).</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>Role names (<see cref="Organisation.Role"/>) whose people must enroll; unset means
    /// <see cref="DefaultTwoFactorRoles"/>. Null by default because the configuration binder appends
    /// to an array it finds filled, so a configured list could never leave out a default.</summary>
    public string[]? TwoFactorRoles { get; set; }

    public static readonly string[] DefaultTwoFactorRoles =
    [
        nameof(Organisation.Role.Admin),
    ];
}

/// <summary>The answer to a login attempt: the login, or the one thing the person may be told.</summary>
internal sealed record LoginAttempt(AppUser? User, string? Problem);

/// <summary>
/// The one check behind the login page and the token API. An unknown name, a wrong password, a
/// locked login and a deactivated person get the same words and cost the same one password hash, so
/// neither the message nor the time tells which names exist.
/// </summary>
internal sealed class LoginCheck(
    LuoshiDb db, SignInManager<AppUser> signIn, LoginLimiter limiter, TimeProvider time, IOptions<LoginOptions> options, IHttpContextAccessor http, ILoggerFactory logs)
{
    public const string RateLimitPolicy = "login";
    public const string Refused = "登录名或密码错误（连续输错5次将锁定15分钟）";
    public const string TooMany = "登录尝试过于频繁，请稍后再试";
    public const string Expired = "一次性密码已过期，请联系办公室重新生成";

    private readonly ILogger _log = logs.CreateLogger(SecurityLog.Category);

    private string? Address => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Accounts.NewOneTimePassword()));

    public async Task<LoginAttempt> CheckAsync(string userName, string password)
    {
        var name = userName.Trim();
        if (!limiter.TryAcquire(name))
        {
            return Refuse(name, "too many attempts for the name", TooMany);
        }

        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(name);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, password);
            return Refuse(name, user is null ? "unknown name" : "locked", Refused);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            SecurityLog.LockedOut(_log, name, Address);
        }

        if (!result.Succeeded)
        {
            return Refuse(name, "wrong password", Refused);
        }

        if (!await db.People.AnyAsync(p => p.Id == user.PersonId && p.IsActive))
        {
            return Refuse(name, "person inactive", Refused);
        }

        if (user.MustChangePassword && await Accounts.OneTimePasswordIssuedAsync(db, user.Id) is var issued
            && (issued is null || time.GetUtcNow() - issued > TimeSpan.FromHours(options.Value.OneTimePasswordHours)))
        {
            return Refuse(name, "one-time password expired", Expired);
        }

        SecurityLog.SignedIn(_log, name, Address);
        return new(user, null);
    }

    private LoginAttempt Refuse(string name, string reason, string message)
    {
        SecurityLog.Refused(_log, name, Address, reason);
        return new(null, message);
    }

    /// <summary>The per-address limit, a rate-limiter policy on the login page's and the token API's
    /// posts. The per-account limit is <see cref="LoginLimiter"/>, since the name is in the body.</summary>
    public static void AddRateLimit(IServiceCollection services) =>
        services.AddRateLimiter(o => o.AddPolicy(RateLimitPolicy, context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("read");
            }

            var settings = context.RequestServices.GetRequiredService<IOptions<LoginOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "local", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PerAddressPermitLimit,
                Window = TimeSpan.FromMinutes(settings.WindowMinutes),
                QueueLimit = 0,
            });
        }));
}

/// <summary>Attempts per login name, kept in memory (one app instance; behind several, the lockout
/// in the database still holds).</summary>
internal sealed class LoginLimiter(IOptions<LoginOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name.ToLower(CultureInfo.InvariantCulture), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PerAccountPermitLimit,
            Window = TimeSpan.FromMinutes(options.Value.WindowMinutes),
            QueueLimit = 0,
        }));

    public bool TryAcquire(string name)
    {
        using var lease = _limiter.AttemptAcquire(name);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
