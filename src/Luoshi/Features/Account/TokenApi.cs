using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Luoshi.Features.Account;

// Checked by hand: .NET 10's AddValidation() does not discover this record (its generated resolver lists
// no request type of this app), so [Required] alone let a missing name through to a 500.
internal sealed record TokenRequest(string? UserName, string? Password);

internal static class TokenApi
{
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", Issue).WithTags("登录").AllowAnonymous()
            .WithSummary("用户名和密码换取访问令牌（Bearer），供程序调用 API");
        return app;
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult, ValidationProblem>> Issue(TokenRequest request, SignInManager<AppUser> signIn, UserManager<AppUser> users)
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

        var user = await users.FindByNameAsync(request.UserName);
        if (user is null || !(await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true)).Succeeded)
        {
            return TypedResults.Problem("用户名或密码错误（多次错误后账号会被暂时锁定）", statusCode: StatusCodes.Status401Unauthorized, title: "登录失败");
        }

        if (user.MustChangePassword)
        {
            return TypedResults.Problem("请先在网页登录并修改一次性密码，再申请令牌", statusCode: StatusCodes.Status403Forbidden, title: "须先修改密码");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }
}
