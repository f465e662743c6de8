using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Account;

/// <summary>
/// Refuses passwords that pass the length and character rules but are the first ones an attacker
/// tries: a shipped list of common passwords (CommonPasswords.txt, compared without regard to case),
/// and passwords that contain the login name or the unit's name.
/// </summary>
internal sealed class CommonPasswords(LuoshiDb db) : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Success;
        }

        var lower = password.ToLower(CultureInfo.InvariantCulture);
        if (List.Value.Contains(lower))
        {
            return Fail("这个密码太常见，容易被猜中，请换一个");
        }

        if (user.UserName is { Length: >= 3 } login && lower.Contains(login.ToLower(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            return Fail("密码不能包含登录名");
        }

        var unit = await db.Units.Where(u => u.Id == user.UnitId).Select(u => u.Name).FirstOrDefaultAsync();
        return unit is { Length: > 0 } && lower.Contains(unit.ToLower(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            ? Fail("密码不能包含单位名称")
            : IdentityResult.Success;
    }

    public static bool IsCommon(string password) => List.Value.Contains(password.ToLower(CultureInfo.InvariantCulture));

    private static IdentityResult Fail(string description) => IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = description });

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Luoshi.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not in the assembly.");
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n').Select(l => l.Trim().ToLower(CultureInfo.InvariantCulture)).Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }
}
