using System.Globalization;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;

namespace Luoshi.Features.Account;

/// <summary>
/// The second step behind the sign-in page and the token API: a current code of the person's
/// authenticator, or one of his recovery codes (each good once). A wrong code counts as a failed
/// access like a wrong password (five lock the login for 15 minutes) and draws on the same per-name
/// limit, so the six digits cannot be guessed.
/// </summary>
internal sealed class SecondFactor(UserManager<AppUser> users, LoginLimiter limiter, UsedCodes used, Audit.AuditLog audit, IHttpContextAccessor http)
{
    public const string Wrong = "验证码错误或已失效（连续输错5次将锁定15分钟）";
    public const string Needed = "该账号已启用两步验证，请同时提供验证器上的6位动态码（或一个恢复码）";

    /// <summary>Null when the code is good; else what the person may be told.</summary>
    public async Task<string?> CheckAsync(AppUser user, string code)
    {
        // The same per-address and per-name limits as the password, so six digits cannot be guessed.
        if (limiter.Refuse(user.UserName ?? "", http.HttpContext?.Connection.RemoteIpAddress?.ToString()) is not null)
        {
            return LoginCheck.TooMany;
        }

        if (await users.IsLockedOutAsync(user))
        {
            await audit.RefusedAsync(user, user.UserName ?? "", "locked", token: false);
            return Wrong;
        }

        var typed = string.Concat(code.Where(c => !char.IsWhiteSpace(c)));
        bool good;
        if (typed.Length == 6 && typed.All(char.IsAsciiDigit))
        {
            good = await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, typed) && used.TryUse(user.Id, typed);
        }
        else
        {
            good = (await users.RedeemTwoFactorRecoveryCodeAsync(user, RecoveryCode(typed))).Succeeded;
            if (good)
            {
                await audit.SecondFactorAsync(Audit.AuditKind.RecoveryCodeUsed, user, $"剩余 {await users.CountRecoveryCodesAsync(user)} 个");
            }
        }

        if (good)
        {
            await users.ResetAccessFailedCountAsync(user);
            return null;
        }

        await audit.SecondFactorAsync(Audit.AuditKind.TwoFactorRefused, user);
        await users.AccessFailedAsync(user);
        if (await users.IsLockedOutAsync(user))
        {
            await audit.LockedOutAsync(user, user.UserName ?? "");
        }

        return Wrong;
    }

    /// <summary>Recovery codes are shown as XXXXX-XXXXX; typed in lower case or without the dash they still count.</summary>
    private static string RecoveryCode(string typed)
    {
        var upper = typed.ToUpper(CultureInfo.InvariantCulture);
        return upper.Length == 10 && !upper.Contains('-') ? upper[..5] + "-" + upper[5..] : upper;
    }
}
