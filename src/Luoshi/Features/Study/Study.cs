namespace Luoshi.Features.Study;

/// <summary>Who a study group is: the bureau's 党组中心组, a 党支部, or all staff.</summary>
internal enum StudyGroupKind
{
    CentralGroup = 0,
    PartyBranch = 1,
    AllStaff = 2,
}

internal enum StudyForm
{
    SelfStudy = 0,
    Collective = 1,
    Lecture = 2,
    Discussion = 3,
}

/// <summary>A year's study plan (学习计划), watched through a work plan of the same year whose tasks
/// are the groups' requirements (<see cref="StudyGroup.TaskId"/>).</summary>
internal sealed class StudyPlan
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public int WorkPlanId { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<StudyGroup> Groups { get; set; } = [];
}

/// <summary>A group that studies together, with the plan's requirement for it: at least
/// <see cref="RequiredSessions"/> group sessions (any form but 自学) and, for each member, at least
/// <see cref="RequiredMinutes"/>. Hours are kept in whole minutes so both databases sum them exactly.</summary>
internal sealed class StudyGroup
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int PlanId { get; set; }
    public required string Name { get; set; }
    public StudyGroupKind Kind { get; set; }

    /// <summary>The section that organises the group: its head records sessions, and it leads the group's task.</summary>
    public int SectionId { get; set; }

    public int RequiredSessions { get; set; }
    public int RequiredMinutes { get; set; }

    /// <summary>The work task that carries the requirement through lights, reminders, 催办 and 督办.</summary>
    public int TaskId { get; set; }

    public List<StudyMember> Members { get; set; } = [];
}

internal sealed class StudyMember
{
    public int UnitId { get; set; }
    public int GroupId { get; set; }
    public int PersonId { get; set; }
}

/// <summary>One study session (一次学习) of a group, with who attended. The 四落实 are time (a date and
/// hours), content (a topic), people (attendance) and effect (what came of it).</summary>
internal sealed class StudySession
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int GroupId { get; set; }
    public DateOnly Date { get; set; }
    public StudyForm Form { get; set; }
    public string? Topic { get; set; }
    public string? Materials { get; set; }
    public string? Effect { get; set; }
    public int Minutes { get; set; }
    public int RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }

    /// <summary>The parts of the 四落实 missing when the session was recorded (时间、内容、人员、效果), or
    /// null when all four were; sessions are not edited, so it is decided once.</summary>
    public string? Missing { get; set; }
    public List<StudyAttendance> Attendance { get; set; } = [];

    /// <summary>What of the 四落实 is missing, empty when all four are recorded.</summary>
    public static string[] MissingParts(int minutes, string? topic, int attendees, string? effect) =>
        [.. new[] { (minutes > 0, "时间"), (!string.IsNullOrWhiteSpace(topic), "内容"), (attendees > 0, "人员"), (!string.IsNullOrWhiteSpace(effect), "效果") }
            .Where(c => !c.Item1).Select(c => c.Item2)];
}

/// <summary>A member present at a session; date and minutes are copied from the session so the
/// ledger sums a person's hours (and checks a day's total) with one GROUP BY over this table.</summary>
internal sealed class StudyAttendance
{
    public long SessionId { get; set; }
    public int UnitId { get; set; }
    public int GroupId { get; set; }
    public int PersonId { get; set; }
    public DateOnly Date { get; set; }
    public int Minutes { get; set; }
}

internal static class StudyNames
{
    public static string Chinese(this StudyGroupKind kind) => kind switch
    {
        StudyGroupKind.CentralGroup => "党组中心组",
        StudyGroupKind.PartyBranch => "党支部",
        _ => "全体干部职工",
    };

    public static string Chinese(this StudyForm form) => form switch
    {
        StudyForm.SelfStudy => "自学",
        StudyForm.Collective => "集中学习",
        StudyForm.Lecture => "专题讲座",
        _ => "交流座谈",
    };

    public static string Hours(int minutes) => (minutes / 60m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
