using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Account;

// Checked by hand: .NET 10's AddValidation() does not discover these records (its generated resolver lists
// no request type of this app), so [Required] alone let a missing name through to a 500.
internal sealed record TokenRequest(
    string? UserName,
    string? Password,
    [property: System.ComponentModel.DataAnnotations.StringLength(20), System.ComponentModel.DataAnnotations.Display(Name = "动态码")] string? Code = null);

internal sealed record RefreshRequest(string? RefreshToken);

/// <summary>Short-lived access tokens with a refresh token, both tied to a server-side session.</summary>
internal static class TokenApi
{
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("登录");
        auth.MapPost("/token", Issue).AllowAnonymous()
            .WithSummary("用户名和密码（已启用两步验证的账号另加 code：验证器上的6位动态码或一个恢复码）换取访问令牌（Bearer）和刷新令牌，供程序调用 API");
        auth.MapPost("/refresh", Refresh).AllowAnonymous()
            .WithSummary("用刷新令牌换取新的访问令牌；闲置超时、登录总时长已满或登录已被撤销时须重新登录");
        auth.MapPost("/logout", Logout).WithSummary("结束本令牌所属的登录（访问令牌和刷新令牌立即失效）");
        return app;
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult, ValidationProblem>> Issue(
        TokenRequest request, LoginCheck check, SecondFactor second, TwoFactorRule rule, LuoshiDb db, Sessions sessions, Audit.AuditLog audit, HttpContext http)
    {
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            missing["userName"] = ["请填写登录名"];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            missing["password"] = ["请填写密码"];
        }

        if (missing.Count > 0 || request.UserName is null || request.Password is null)
        {
            return TypedResults.ValidationProblem(missing, title: "提交的内容有误");
        }

        var attempt = await check.CheckAsync(request.UserName, request.Password, token: true);
        if (attempt.User is not { } user)
        {
            attempt.Describe(http.Response);
            return TypedResults.Problem(attempt.Problem, statusCode: attempt.TooMany ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized, title: "登录失败");
        }

        if (user.MustChangePassword)
        {
            await audit.RefusedAsync(user, request.UserName.Trim(), "one-time password not yet changed", token: true);
            return TypedResults.Problem("请先在网页登录并修改一次性密码，再申请令牌", statusCode: StatusCodes.Status403Forbidden, title: "须先修改密码");
        }

        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(request.Code))
            {
                return TypedResults.Problem(SecondFactor.Needed, statusCode: StatusCodes.Status401Unauthorized, title: "须提供动态验证码");
            }

            if (await second.CheckAsync(user, request.Code) is { } problem)
            {
                return TypedResults.Problem(problem, statusCode: problem == LoginCheck.TooMany ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized, title: "登录失败");
            }
        }
        else if (await rule.MustEnrollAsync(db, user))
        {
            return TypedResults.Problem("按本单位的安全要求，须先在网页登录并设置两步验证，再申请令牌", statusCode: StatusCodes.Status403Forbidden, title: "须先设置两步验证");
        }

        await audit.TokenIssuedAsync(user);
        return TypedResults.SignIn(await sessions.StartAsync(user), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult, ValidationProblem>> Refresh(
        RefreshRequest request, IOptionsMonitor<BearerTokenOptions> bearer, Sessions sessions, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["refreshToken"] = ["请提供刷新令牌"] }, title: "提交的内容有误");
        }

        var ticket = bearer.Get(BearerTokenDefaults.AuthenticationScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        // The login goes on with its first sign-in time, so the absolute lifetime still counts; the
        // refresh token is single-use (Sessions.RefreshAsync).
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires < time.GetUtcNow()
            || await sessions.RefreshAsync(ticket.Principal, ct) is not { } next)
        {
            return TypedResults.Problem("登录已过期、已被撤销或刷新令牌已用过，请重新登录", statusCode: StatusCodes.Status401Unauthorized, title: "须重新登录");
        }

        return TypedResults.SignIn(next, authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    private static async Task<NoContent> Logout(HttpContext http, Sessions sessions)
    {
        await sessions.EndAsync(http.User);
        return TypedResults.NoContent();
    }
}
