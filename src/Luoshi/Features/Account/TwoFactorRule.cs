using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Account;

/// <summary>Who must sign in with an authenticator code: people of the configured roles, once the
/// setting asks for it. Anyone else may enroll of his own accord.</summary>
internal sealed class TwoFactorRule(IOptions<LoginOptions> options)
{
    public bool Applies(Role role)
    {
        var settings = options.Value;
        return settings.RequireTwoFactor
            && (settings.TwoFactorRoles ?? LoginOptions.DefaultTwoFactorRoles).Any(r => Enum.TryParse<Role>(r.Trim(), ignoreCase: true, out var named) && named == role);
    }

    /// <summary>A login whose person must use a second factor and has not enrolled yet.</summary>
    public async Task<bool> MustEnrollAsync(LuoshiDb db, AppUser user, CancellationToken ct = default) =>
        !user.TwoFactorEnabled && Applies(await db.People.Where(p => p.Id == user.PersonId).Select(p => p.Role).FirstOrDefaultAsync(ct));
}
