namespace Luoshi.Features.Tasks;

/// <summary>
/// What a work item is. Every kind is a <see cref="WorkTask"/>: it has a lead section and person,
/// dates, milestones, reports, lights, reminders and 催办/督办, and it is reviewed and assessed like a
/// key task. A kind adds only its own fields (a details table keyed by the task id) and, where it has
/// them, its stages (<see cref="WorkTask.Stage"/>). See README, "Adding a kind of work item".
/// </summary>
internal enum WorkKind
{
    /// <summary>重点任务: a key task of a plan.</summary>
    Task = 0,

    /// <summary>整改措施: a rectification measure for a problem (问题清单 → 整改清单).</summary>
    Rectification = 1,

    /// <summary>重点项目: a key project owned by one person (分包到人), moving through stages.</summary>
    Project = 2,

    /// <summary>诉求: a science worker's appeal, to be answered in working days.</summary>
    Appeal = 3,

    /// <summary>课题: a research topic (调研课题).</summary>
    Research = 4,

    /// <summary>交办事项: work a unit assigns to the units below it (牵头单位, 配合单位), and each unit's
    /// own task for what it signed for (Features/Dispatch).</summary>
    Dispatch = 5,

    /// <summary>批示件: an incoming document with a leader's instruction (领导批示件), reported on to the
    /// leader until he or she agrees to close it.</summary>
    Directive = 6,

    /// <summary>议定事项: one decision of a meeting's minutes (会议纪要).</summary>
    MeetingDecision = 7,

    /// <summary>建议提案: a deputy's suggestion (人大代表建议) or a CPPCC member's proposal (政协委员提案),
    /// answered within a statutory three months.</summary>
    Proposal = 8,

    /// <summary>回头看: a later check that a closed task or rectification measure stayed done.</summary>
    Recheck = 9,
}

/// <summary>A kind's name and its stages, in order (empty for kinds without stages).</summary>
internal sealed record WorkKindInfo(WorkKind Kind, string Name, IReadOnlyList<string> Stages);

internal static class WorkKinds
{
    public static readonly IReadOnlyDictionary<WorkKind, WorkKindInfo> All = new Dictionary<WorkKind, WorkKindInfo>
    {
        [WorkKind.Task] = new(WorkKind.Task, "重点任务", []),
        [WorkKind.Rectification] = new(WorkKind.Rectification, "整改措施", []),
        [WorkKind.Project] = new(WorkKind.Project, "重点项目", ["意向", "签约", "资金到位", "开工", "投产/竣工"]),
        [WorkKind.Appeal] = new(WorkKind.Appeal, "诉求", ["受理", "办理", "答复", "回访", "办结"]),
        [WorkKind.Research] = new(WorkKind.Research, "调研课题", ["立项", "调研", "形成报告", "转化运用"]),
        [WorkKind.Dispatch] = new(WorkKind.Dispatch, "交办事项", []),
        [WorkKind.Directive] = new(WorkKind.Directive, "批示件", ["办理", "呈阅", "办结"]),
        [WorkKind.MeetingDecision] = new(WorkKind.MeetingDecision, "议定事项", []),
        [WorkKind.Proposal] = new(WorkKind.Proposal, "建议提案", ["办理", "答复", "办结"]),
        [WorkKind.Recheck] = new(WorkKind.Recheck, "回头看", []),
    };

    public static string Chinese(this WorkKind kind) => All.TryGetValue(kind, out var info) ? info.Name : kind.ToString();
}
