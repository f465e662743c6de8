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
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string NewOneTimePassword() => RandomNumberGenerator.GetString(Alphabet, 14);

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
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, password);
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        return password;
    }
}
