using System.Globalization;
using System.Threading.RateLimiting;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;
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
        nameof(Organisation.Role.Auditor),
    ];
}

/// <summary>The answer to a login attempt: the login, or the one thing the person may be told, and
/// when refused for too many attempts, how long until the next is counted.</summary>
internal sealed record LoginAttempt(AppUser? User, string? Problem, TimeSpan? RetryAfter = null)
{
    public bool TooMany => Problem == LoginCheck.TooMany;

    /// <summary>Sets 429 and Retry-After on a refusal for too many attempts (the page and the API).</summary>
    public void Describe(HttpResponse response)
    {
        if (TooMany)
        {
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = ((int)Math.Ceiling((RetryAfter ?? TimeSpan.FromMinutes(1)).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>
/// The one check behind the login page and the token API. An unknown name, a wrong password, a
/// locked login and a deactivated person get the same words and cost the same one password hash, so
/// neither the message nor the time tells which names exist.
/// </summary>
internal sealed class LoginCheck(
    LuoshiDb db, SignInManager<AppUser> signIn, DirectoryPasswordCheck directory, LoginLimiter limiter, TimeProvider time, IOptions<LoginOptions> options, Audit.AuditLog audit, IHttpContextAccessor http,
    IOptions<OidcOptions> oidc)
{
    public const string Refused = "登录名或密码错误（连续输错5次将锁定15分钟）";
    public const string TooMany = "登录尝试过于频繁，请稍后再试";
    public const string Expired = "一次性密码已过期，请联系办公室重新生成";

    /// <summary>Told only after a correct password, so it reveals nothing to someone guessing names.</summary>
    public string PasswordsOff => oidc.Value.Enabled
        ? $"本单位已停用本地密码登录，请点击下方“{oidc.Value.DisplayName}”按钮登录"
        : "本单位已停用本地密码登录，请使用统一身份认证登录，或联系办公室";

    private string? Address => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Accounts.NewOneTimePassword()));

    /// <summary>Checks a login. A refusal is audited here, as a failed sign-in or, for
    /// <paramref name="token"/>, a refused token; a success is audited by the caller, which knows
    /// whether it signed a browser in or issued a token.</summary>
    public async Task<LoginAttempt> CheckAsync(string userName, string password, bool token = false)
    {
        var name = userName.Trim();
        if (limiter.Refuse(name, Address) is { } retryAfter)
        {
            return (await RefuseAsync(null, name, "too many attempts", TooMany, token)) with { RetryAfter = retryAfter };
        }

        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(name);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, password);
            return await RefuseAsync(user, name, user is null ? "unknown name" : "locked", Refused, token);
        }

        // A directory person's password is the directory's (bound as his DN), counted the same way.
        var result = user.DirectoryDn is null
            ? await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true)
            : await directory.CheckAsync(user, password);
        if (result.IsLockedOut)
        {
            await audit.LockedOutAsync(user, name);
        }

        if (!result.Succeeded)
        {
            return await RefuseAsync(user, name, "wrong password", Refused, token);
        }

        if (!await db.People.AnyAsync(p => p.Id == user.PersonId && p.IsActive))
        {
            return await RefuseAsync(user, name, "person inactive", Refused, token);
        }

        // The login page only: a program's token (the API) is no browser sign-in and cannot go through
        // the provider's pages.
        if (!token && await db.Units.AnyAsync(u => u.Id == user.UnitId && u.LocalPasswordsOff))
        {
            return await RefuseAsync(user, name, "local passwords off", PasswordsOff, token);
        }

        if (user.MustChangePassword && await Accounts.OneTimePasswordIssuedAsync(db, user.Id) is var issued
            && (issued is null || time.GetUtcNow() - issued > TimeSpan.FromHours(options.Value.OneTimePasswordHours)))
        {
            return await RefuseAsync(user, name, "one-time password expired", Expired, token);
        }

        return new(user, null);
    }

    private async Task<LoginAttempt> RefuseAsync(AppUser? user, string name, string reason, string message, bool token)
    {
        await audit.RefusedAsync(user, name, reason, token);
        return new(null, message);
    }
}

/// <summary>Attempts per client address and per login name, kept in memory (one app instance;
/// behind several, the lockout in the database still holds). Both are checked here rather than by the
/// rate-limiter middleware, so a refused login is answered like any other: the login page with the
/// message (status 429), or ProblemDetails in Chinese from the API, each with Retry-After.</summary>
internal sealed class LoginLimiter(IOptions<LoginOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perName = Create(name => name.ToLower(CultureInfo.InvariantCulture), () => options.Value.PerAccountPermitLimit, options);
    private readonly PartitionedRateLimiter<string> _perAddress = Create(address => address, () => options.Value.PerAddressPermitLimit, options);

    /// <summary>Null when the attempt may go ahead (and is counted); otherwise how long to wait. An
    /// address refused does not use up the name's attempts.</summary>
    public TimeSpan? Refuse(string name, string? address)
    {
        using var byAddress = _perAddress.AttemptAcquire(address ?? "local");
        if (!byAddress.IsAcquired)
        {
            return RetryAfter(byAddress);
        }

        using var byName = _perName.AttemptAcquire(name);
        return byName.IsAcquired ? null : RetryAfter(byName);
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);

    private static PartitionedRateLimiter<string> Create(Func<string, string> key, Func<int> limit, IOptions<LoginOptions> options) =>
        PartitionedRateLimiter.Create<string, string>(value =>
            RateLimitPartition.GetFixedWindowLimiter(key(value), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit(),
                Window = TimeSpan.FromMinutes(options.Value.WindowMinutes),
                QueueLimit = 0,
            }));

    public void Dispose()
    {
        _perName.Dispose();
        _perAddress.Dispose();
    }
}
