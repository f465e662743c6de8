namespace Luoshi.Features.Organisation;

internal enum Role
{
    Staff = 0,
    SectionHead = 1,
    Leader = 2,
    Admin = 3,

    /// <summary>Reads the audit log and nothing else (三员分立: the office administers, the auditor
    /// audits). Not "more than Admin": never compare roles with &lt; or &gt;.</summary>
    Auditor = 4,
}

/// <summary>A person of the unit. A person may have a login (<see cref="AppUser"/>) or not: a
/// responsible person named on a task need not use the system.</summary>
internal sealed class Person
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int? SectionId { get; set; }
    public required string Name { get; set; }
    public string? Position { get; set; }
    public Role Role { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool IsActive { get; set; } = true;

    public Section? Section { get; set; }

    /// <summary>For a leader: the sections in his or her charge (分管科室).</summary>
    public List<LeaderCharge> Charges { get; set; } = [];
}

/// <summary>A leader's charge of one section.</summary>
internal sealed class LeaderCharge
{
    public int UnitId { get; set; }
    public int LeaderId { get; set; }
    public int SectionId { get; set; }
}

internal static class RoleNames
{
    public static string Chinese(this Role role) => role switch
    {
        Role.Admin => "办公室（管理员）",
        Role.Auditor => "审计员",
        Role.Leader => "局领导",
        Role.SectionHead => "科长",
        _ => "科员",
    };
}
