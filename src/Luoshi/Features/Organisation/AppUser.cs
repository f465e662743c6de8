using Microsoft.AspNetCore.Identity;

namespace Luoshi.Features.Organisation;

/// <summary>A login. Kept apart from <see cref="Person"/> so that people named on tasks need no account.</summary>
internal sealed class AppUser : IdentityUser<int>
{
    public int UnitId { get; set; }
    public int PersonId { get; set; }

    /// <summary>Set when the password was generated (first run, reset): the person must change it.</summary>
    public bool MustChangePassword { get; set; }
}
