namespace Luoshi.Features.Ldap;

/// <summary>
/// A unit's LDAP/AD directory: where it is, how Luoshi reads it, how its people map onto the unit's
/// sections, and how often it is synchronised. One row per unit. The reader's password is stored
/// protected (<see cref="DirectorySecret"/>), never in the clear.
/// </summary>
internal sealed class DirectorySettings
{
    public int UnitId { get; set; }

    /// <summary>Off: no directory login and no scheduled sync (the settings are kept).</summary>
    public bool Enabled { get; set; }

    /// <summary>ldap://host:port or ldaps://host:port.</summary>
    public required string ServerUrl { get; set; }

    /// <summary>The account that reads the directory (a read-only service account).</summary>
    public required string BindDn { get; set; }

    /// <summary>Its password, protected (<see cref="DirectorySecret"/>).</summary>
    public required string ProtectedBindPassword { get; set; }

    /// <summary>Where the people are searched (subtree).</summary>
    public required string BaseDn { get; set; }

    public string UserFilter { get; set; } = DefaultUserFilter;
    public string UidAttribute { get; set; } = "uid";
    public string NameAttribute { get; set; } = "cn";
    public string EmailAttribute { get; set; } = "mail";
    public string PhoneAttribute { get; set; } = "telephoneNumber";

    /// <summary>The attribute read as the person's 职务 (AD and OpenLDAP: title).</summary>
    public string PositionAttribute { get; set; } = "title";

    /// <summary>The attribute that lists a person's groups (AD, and OpenLDAP with the memberOf overlay).</summary>
    public string GroupAttribute { get; set; } = "memberOf";

    /// <summary>One rule a line, "DN =&gt; 科室名" (see <see cref="SectionRules"/>).</summary>
    public string SectionRules { get; set; } = "";

    /// <summary>Hours between scheduled syncs; 0 syncs only when the office presses the button.</summary>
    public int SyncIntervalHours { get; set; }

    /// <summary>Set while a sync runs (its claim: a second instance or a second press waits).</summary>
    public DateTime? RunningSince { get; set; }

    public DateTime? LastSyncAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public const string DefaultUserFilter = "(objectClass=inetOrgPerson)";

    /// <summary>A claim older than this is taken to belong to a process that died mid-run.</summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(30);
}
