using Luoshi.Features.Organisation;

namespace Luoshi.Features.DirectorySync;

/// <summary>One person as a directory lists him, already mapped to a section (null: no rule maps
/// him). <see cref="Key"/> is what the source knows him by (the login name for LDAP, the userid for
/// DingTalk/WeCom); <see cref="Shown"/> is how the result lines name him.</summary>
internal sealed record ListedPerson(string Key, string Shown, string Name, string? Email, string? Phone, string? Position, string? Section, string? Dn = null);

/// <summary>
/// What differs between the directories that feed the one sync (LDAP/AD, the DingTalk and WeCom
/// address books): who the source already owns, what it does with a person it lists again, and how a
/// person new to the unit becomes its own. Reading the directory stays with the source; the people,
/// sections, audit and deactivations are <see cref="DirectoryApply"/>'s.
/// </summary>
internal interface IDirectorySource
{
    /// <summary>The unit's people this source brought in or linked, by <see cref="ListedPerson.Key"/>.</summary>
    Task<Dictionary<string, int>> OwnedAsync(int unitId, CancellationToken ct);

    /// <summary>Called for every owned person the source lists again (LDAP keeps the DN current).</summary>
    Task SeenAsync(int personId, ListedPerson entry, CancellationToken ct);

    /// <summary>Makes the just-saved new person the source's own (a login, a link); the reason
    /// (a result line) when he cannot be, and the person is then removed again.</summary>
    Task<string?> AttachAsync(Person person, ListedPerson entry, CancellationToken ct);

    /// <summary>Why a listed person maps to no section, as the result line says it.</summary>
    string Unmapped { get; }
}
