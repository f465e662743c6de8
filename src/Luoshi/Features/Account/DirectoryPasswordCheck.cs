using Luoshi.Data;
using Luoshi.Features.Ldap;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Account;

/// <summary>
/// The password of a directory-backed login (<see cref="AppUser.DirectoryDn"/>) is the directory's:
/// it is checked by binding as the person's DN to the unit's directory, in place of the local hash.
/// Answers as <see cref="SignInManager{TUser}.CheckPasswordSignInAsync"/> does, with the same lockout
/// count: a refused bind is a failed attempt, a success clears the count. A directory that cannot be
/// reached refuses without counting, so an outage locks nobody out.
/// </summary>
internal sealed class DirectoryPasswordCheck(LuoshiDb db, LdapDirectory directory, UserManager<AppUser> users)
{
    public const string ChangeInDirectory = "此登录的密码由统一目录管理，请在目录中修改或重置";

    public async Task<SignInResult> CheckAsync(AppUser user, string password)
    {
        var settings = await db.Set<DirectorySettings>().AsNoTracking().IgnoreQueryFilters([UnitKeys.FilterName])
            .FirstOrDefaultAsync(s => s.UnitId == user.UnitId && s.Enabled);
        var outcome = settings is null ? BindOutcome.Unavailable : await Task.Run(() => directory.Bind(settings, user.DirectoryDn!, password));
        switch (outcome)
        {
            case BindOutcome.Accepted:
                await users.ResetAccessFailedCountAsync(user);
                return SignInResult.Success;
            case BindOutcome.Refused:
                await users.AccessFailedAsync(user);
                return await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed;
            default:
                return SignInResult.Failed;
        }
    }
}
