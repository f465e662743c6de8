using System.Security.Cryptography;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;

namespace Luoshi.Features.Account;

/// <summary>Logins and one-time passwords. No password is ever fixed in code or configuration:
/// each is drawn at random, shown once, and must be changed at first login.</summary>
internal static class Accounts
{
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
        LuoshiDb db, UserManager<AppUser> users, int unitId, string userName, string name, Role role, int? sectionId, string? position)
    {
        var person = new Person { UnitId = unitId, Name = name, Role = role, SectionId = sectionId, Position = position };
        db.People.Add(person);
        await db.SaveChangesAsync();
        var password = NewOneTimePassword();
        var result = await users.CreateAsync(new AppUser { UserName = userName, UnitId = unitId, PersonId = person.Id, MustChangePassword = true, LockoutEnabled = true }, password);
        if (!result.Succeeded)
        {
            db.People.Remove(person);
            await db.SaveChangesAsync();
            return (false, "", string.Join("；", result.Errors.Select(e => e.Description)));
        }

        return (true, password, null);
    }

    public static async Task<string> ResetAsync(UserManager<AppUser> users, AppUser user)
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
        return password;
    }
}
