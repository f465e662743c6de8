using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Account;

internal static class IdentitySetup
{
    private const string ByPath = "LuoshiByPath";

    /// <summary>
    /// Cookies for pages, bearer tokens for /api (and only bearer tokens there, so a browser's
    /// cookie can never be ridden into the API by another site). Everything requires a login
    /// unless it says otherwise. Every cookie and token names a server-side session (see
    /// <see cref="Sessions"/>), checked on each request.
    /// </summary>
    public static IServiceCollection AddLuoshiIdentity(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SessionOptions>(config.GetSection("Sessions"));
        services.Configure<LoginOptions>(config.GetSection("Login"));
        services.AddScoped<Sessions>();
        services.AddScoped<LoginCheck>();
        services.AddScoped<DirectoryPasswordCheck>();
        services.AddScoped<SecondFactor>();
        services.AddSingleton<TwoFactorRule>();
        services.AddSingleton<UsedCodes>();
        if (TwoFactorOffForDemo(config))
        {
            services.PostConfigure<LoginOptions>(o => o.RequireTwoFactor = false);
        }
        services.AddSingleton<LoginLimiter>();
        // Secure whenever the request came over HTTPS (behind nginx: see ProxyHeaders), so plain
        // HTTP on loopback still works for the first run and the tests.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = ByPath;
                o.DefaultChallengeScheme = ByPath;
            })
            .AddPolicyScheme(ByPath, ByPath, o => o.ForwardDefaultSelector = c =>
                c.Request.Path.StartsWithSegments("/api") ? BearerTokenDefaults.AuthenticationScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken()
            .AddLuoshiOidc(services, config)
            .AddIdentityCookies(c =>
            {
                // Between the password and the code (see TwoFactorStep): five minutes, this one purpose.
                c.TwoFactorUserIdCookie?.Configure(o =>
                {
                    o.Cookie.Name = "luoshi.step";
                    o.Cookie.HttpOnly = true;
                    o.Cookie.SameSite = SameSiteMode.Strict;
                    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                    o.SlidingExpiration = false;
                });
                c.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/Account/Login";
                o.AccessDeniedPath = "/Error";
                o.Cookie.Name = "luoshi";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnValidatePrincipal = SessionCheck.ValidateCookieAsync;
                // A signed-in person who may not do something gets a 403 and the error page that says
                // so, not a redirect that looks like success.
                o.Events.OnRedirectToAccessDenied = c =>
                {
                    c.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                o.SlidingExpiration = true;
            });
            });

        services.AddOptions<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme).Configure<IOptions<SessionOptions>>((o, s) =>
        {
            o.BearerTokenExpiration = TimeSpan.FromMinutes(s.Value.AccessTokenMinutes);
            o.RefreshTokenExpiration = TimeSpan.FromMinutes(s.Value.IdleMinutes);
        });
        // Sliding: a cookie unused for the idle time has expired (renewed once half of it has passed).
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<SessionOptions>>((o, s) =>
            o.ExpireTimeSpan = TimeSpan.FromMinutes(s.Value.IdleMinutes));

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<LuoshiDb>()
            .AddSignInManager()
            // Only the authenticator: no codes by mail or text message, whose channels are weaker.
            .AddTokenProvider<AuthenticatorTokenProvider<AppUser>>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<ClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<CommonPasswords>();
        // After AddEntityFrameworkStores, so this store replaces the plain one.
        services.AddScoped<IUserStore<AppUser>, ProtectedUserStore>();

        services.AddScoped<IAuthorizationHandler, AdminOnly>();
        services.AddScoped<IAuthorizationHandler, Audit.AuditorOnly>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminOnly.Policy, p => p.AddRequirements(new AdminOnly.Requirement()))
            .AddPolicy(Audit.AuditorOnly.Policy, p => p.AddRequirements(new Audit.AuditorOnly.Requirement()));
        return services;
    }

    /// <summary>The demo (<c>serve --demo</c>) is for trying the app, and a newcomer has no
    /// authenticator at hand: unless the setting is given, it asks for no second factor. A real
    /// deployment never sets the demo flag, so it keeps the default (required).</summary>
    public static bool TwoFactorOffForDemo(IConfiguration config) =>
        config["Login:RequireTwoFactor"] is null && config.GetValue("Demo:SeedOnFirstRun", false);
}

internal sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少需要{length}位" };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码需要包含数字" };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码需要包含小写字母" };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"登录名“{userName}”已被使用" };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"登录名“{userName}”无效，只能使用字母、数字和 . _ - @" };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "原密码不正确" };
}
