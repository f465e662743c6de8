namespace Luoshi.Features.Supervision;

/// <summary>What a deadline is for.</summary>
internal enum DeadlineKind
{
    /// <summary>The task's own due date (办结时限).</summary>
    Task = 0,

    /// <summary>The task's next open milestone (时间节点).</summary>
    Milestone = 1,

    /// <summary>The current period's progress report (报送进展), end of its on-time window.</summary>
    Report = 2,

    /// <summary>Signing for an assigned task (签收).</summary>
    Sign = 3,

    /// <summary>No deadline: the office urged or supervised by hand, with a message (DueOn is the day it was issued).</summary>
    Manual = 4,
}

/// <summary>Who raised a step: the daily run, or the office by hand.</summary>
internal enum StepSource
{
    Auto = 0,
    Manual = 1,
}

/// <summary>The three steps of the cycle, in order.</summary>
internal enum StepKind
{
    /// <summary>提醒: some working days before the deadline, to the responsible person.</summary>
    Remind = 0,

    /// <summary>催办: on the deadline, not done; to the responsible person and the section head.</summary>
    Urge = 1,

    /// <summary>督办: still not done some working days later; a numbered 督办单 to the lead leader and
    /// the office.</summary>
    Supervise = 2,
}

/// <summary>
/// One step raised for one deadline of one task. The unique key (task, deadline kind, deadline
/// date, step) is what makes the daily run safe to repeat and to run on two instances: a step is
/// raised once, and a moved deadline (an extension) starts its own steps.
/// </summary>
internal sealed class EscalationStep
{
    public long Id { get; set; }

    /// <summary>The notices this step raised; they get the step's id when both are saved.</summary>
    public List<Notices.Notice> Notices { get; } = [];
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public DeadlineKind Deadline { get; set; }
    public DateOnly DueOn { get; set; }
    public StepKind Step { get; set; }
    public DateOnly RaisedOn { get; set; }
    public DateTime RaisedAt { get; set; }

    /// <summary>For a 督办: the year and the running number of the 督办单 in that year.</summary>
    public int? Year { get; set; }

    public int? Sequence { get; set; }

    /// <summary>The facts as they stood when the step was raised (what is late, by how much).</summary>
    public required string Facts { get; set; }

    /// <summary>Manual steps: the office's written message and who wrote it.</summary>
    public StepSource Source { get; set; }

    public string? Message { get; set; }
    public int? IssuedById { get; set; }

    /// <summary>A 督办单's course: 发出 → 签收 → 反馈 → 办结 (see <see cref="SheetStates"/>).</summary>
    public SheetState State { get; set; }

    public DateTime? AcknowledgedAt { get; set; }
    public int? AcknowledgedById { get; set; }

    /// <summary>The lead section replies by this working day; restarts when the office sends a reply back.</summary>
    public DateOnly? ReplyDueBy { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? SheetNumber => Sequence is { } n ? $"督办〔{Year}〕{n}号" : null;
}

internal static class EscalationNames
{
    public static string Chinese(this StepKind step) => step switch
    {
        StepKind.Remind => "提醒",
        StepKind.Urge => "催办",
        _ => "督办",
    };

    public static string Chinese(this DeadlineKind deadline) => deadline switch
    {
        DeadlineKind.Milestone => "时间节点",
        DeadlineKind.Report => "进展报送",
        DeadlineKind.Sign => "签收",
        DeadlineKind.Manual => "办公室发起",
        _ => "任务办结",
    };

    /// <summary>The inbox kind of the step's notices.</summary>
    public static Notices.NoticeKind NoticeKind(this StepKind step) => step switch
    {
        StepKind.Remind => Notices.NoticeKind.Remind,
        StepKind.Urge => Notices.NoticeKind.Urge,
        _ => Notices.NoticeKind.Supervise,
    };

    /// <summary>The kind written to the task's history (assessment counts "urge" and "supervise").</summary>
    public static string EventKind(this StepKind step) => step switch
    {
        StepKind.Remind => "remind",
        StepKind.Urge => "urge",
        _ => "supervise",
    };
}
