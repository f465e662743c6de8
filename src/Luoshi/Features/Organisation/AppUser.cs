using Microsoft.AspNetCore.Identity;

namespace Luoshi.Features.Organisation;

/// <summary>A login. Kept apart from <see cref="Person"/> so that people named on tasks need no account.</summary>
internal sealed class AppUser : IdentityUser<int>
{
    public int UnitId { get; set; }
    public int PersonId { get; set; }

    /// <summary>Set when the password was generated (first run, reset): the person must change it.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Set for a login the unit's LDAP/AD directory owns (made by the directory sync): the
    /// person's DN there, bound as to check the password. Such a login has no local password.</summary>
    public string? DirectoryDn { get; set; }
}
