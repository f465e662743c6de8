using System.Globalization;
using System.Security.Cryptography;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Account;

/// <summary>Logins and one-time passwords. No password is ever fixed in code or configuration:
/// each is drawn at random, shown once, and must be changed at first login.</summary>
internal static class Accounts
{
    /// <summary>When the current one-time password was made, kept in Identity's user-token table
    /// (the login check refuses it after a day).</summary>
    private const string OneTimeProvider = "luoshi:one-time-password";
    private const string Issued = "issued";

    // No 0/O, 1/l/I: people copy these from a terminal.
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";

    /// <summary>14 random characters with at least one lower-case letter, one capital and one digit,
    /// so that every one-time password passes the password policy.</summary>
    public static string NewOneTimePassword()
    {
        var chars = (RandomNumberGenerator.GetString(Lower, 1) + RandomNumberGenerator.GetString(Upper, 1) + RandomNumberGenerator.GetString(Digits, 1)
            + RandomNumberGenerator.GetString(Lower + Upper + Digits, 11)).ToCharArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    public static async Task<(bool Ok, string Password, string? Problem)> CreateAsync(
        LuoshiDb db, UserManager<AppUser> users, TimeProvider time, int unitId, string userName, string name, Role role, int? sectionId, string? position)
    {
        var person = new Person { UnitId = unitId, Name = name, Role = role, SectionId = sectionId, Position = position };
        db.People.Add(person);
        await db.SaveChangesAsync();
        var (result, password) = await CreateLoginAsync(db, users, time, new AppUser { UserName = userName, UnitId = unitId, PersonId = person.Id });
        if (!result.Succeeded)
        {
            db.People.Remove(person);
            await db.SaveChangesAsync();
            return (false, "", string.Join("；", result.Errors.Select(e => e.Description)));
        }

        return (true, password, null);
    }

    /// <summary>A new login with a one-time password, which it must change at first login.</summary>
    public static async Task<(IdentityResult Result, string Password)> CreateLoginAsync(LuoshiDb db, UserManager<AppUser> users, TimeProvider time, AppUser user)
    {
        var password = NewOneTimePassword();
        user.MustChangePassword = true;
        user.LockoutEnabled = true;
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            await MarkOneTimeAsync(db, user.Id, time);
        }

        return (result, password);
    }

    public static async Task<DateTimeOffset?> OneTimePasswordIssuedAsync(LuoshiDb db, int userId) =>
        await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == OneTimeProvider && t.Name == Issued).Select(t => t.Value).FirstOrDefaultAsync() is { } value
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, out var at) ? at : null;

    /// <summary>The person chose a password: the one-time password's record goes.</summary>
    public static Task ForgetOneTimeAsync(LuoshiDb db, int userId) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == OneTimeProvider).ExecuteDeleteAsync();

    /// <summary>Records when the login's current one-time password was made.</summary>
    public static async Task MarkOneTimeAsync(LuoshiDb db, int userId, TimeProvider time)
    {
        await ForgetOneTimeAsync(db, userId);
        db.UserTokens.Add(new IdentityUserToken<int> { UserId = userId, LoginProvider = OneTimeProvider, Name = Issued, Value = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync();
    }

    /// <summary>A new one-time password. Changing the password changes the login's security stamp,
    /// which ends every session of it (see <see cref="Sessions"/>).</summary>
    public static async Task<string> ResetAsync(LuoshiDb db, UserManager<AppUser> users, TimeProvider time, AppUser user)
    {
        var password = NewOneTimePassword();
        var removed = await users.RemovePasswordAsync(user);
        var added = removed.Succeeded ? await users.AddPasswordAsync(user, password) : removed;
        if (!added.Succeeded)
        {
            throw new InvalidOperationException($"Resetting the password of {user.UserName} failed: {string.Join("; ", added.Errors.Select(e => e.Description))}");
        }

        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await MarkOneTimeAsync(db, user.Id, time);
        return password;
    }
}
