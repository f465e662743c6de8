using Luoshi.Features.Lights;

namespace Luoshi.Features.Tasks;

/// <summary>One item to be done (重点工作), with named primary responsibility.</summary>
internal sealed class WorkTask
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int PlanId { get; set; }
    public int? ParentId { get; set; }

    /// <summary>How much this task counts in its parent's progress when it is one of the parent's parts
    /// (分解任务); 1 to 100, 1 unless the office says otherwise.</summary>
    public int Weight { get; set; } = 1;

    /// <summary>What the item is (a key task, a rectification measure, a project …); every kind is
    /// watched, escalated, reviewed and assessed the same way.</summary>
    public WorkKind Kind { get; set; }

    /// <summary>The current stage, for kinds that have stages (<see cref="WorkKinds"/>).</summary>
    public string? Stage { get; set; }

    /// <summary>The number as the plan writes it (一、（三）、2.), shown before the title.</summary>
    public string? Number { get; set; }

    public int SortOrder { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }

    public int? LeadLeaderId { get; set; }
    public int LeadSectionId { get; set; }
    public int? ResponsiblePersonId { get; set; }

    /// <summary>Quantitative target, e.g. 50 家. Decimals are never compared in the database
    /// (SQLite cannot), only shown and divided.</summary>
    public decimal? TargetValue { get; set; }

    public string? TargetUnit { get; set; }

    public DateOnly StartDate { get; set; }
    public DateOnly DueDate { get; set; }

    /// <summary>The due date before the first approved extension; null when never extended.</summary>
    public DateOnly? OriginalDueDate { get; set; }

    public int ExtensionCount { get; set; }
    public List<string> Tags { get; set; } = [];

    // The latest progress of the lead section, copied from its newest report.
    public int ProgressPercent { get; set; }
    public decimal? AchievedValue { get; set; }
    public DateTime? LastReportedAt { get; set; }
    public DateOnly? LastReportedPeriodEnd { get; set; }
    public DateOnly? CompletedOn { get; set; }

    // Dated facts the light rules compare with today, recomputed on every write that touches the
    // task and whenever the calendar or the settings change (see TaskSchedule). Keeping them as
    // dates lets the database compute every light with plain comparisons.
    public DateOnly DueBy { get; set; }
    public DateOnly? NextMilestoneDueBy { get; set; }
    public DateOnly? ReportMissingFrom { get; set; }
    public DateOnly? BehindFrom { get; set; }

    // The same facts rolled up from the task's open parts (sub-tasks, at any depth; see PartsRollUp):
    // the earliest date a part is red after (its due date or an open milestone's), the earliest open
    // milestone of a part, and the first day a part is yellow for a missing report or falling behind.
    // Null for a task without open parts.
    public DateOnly? PartsDueBy { get; set; }
    public DateOnly? PartsMilestoneDueBy { get; set; }
    public DateOnly? PartsWarnFrom { get; set; }

    // 交办 and 签收: the lead section must sign for a task assigned to it. A change of lead section
    // is a new assignment and needs a new signature (see Signing).
    public int AssignedSectionId { get; set; }
    public DateOnly? AssignedOn { get; set; }
    public DateOnly? SignDueBy { get; set; }
    public DateTime? SignedAt { get; set; }
    public int? SignedById { get; set; }

    public Light Light { get; set; }
    public LightReason LightReason { get; set; }

    // Where the task was written down: a span of an imported document's text (来源).
    public int? SourceDocumentId { get; set; }
    public int? SourceStart { get; set; }
    public int? SourceEnd { get; set; }

    /// <summary>The item the task was made from, as the office cites it ("某某会议纪要〔2026〕5号 第3项").</summary>
    public string? SourceLabel { get; set; }

    /// <summary>Read only by the people <see cref="TaskAccess"/> allows (its <see cref="TaskReader"/>s, the
    /// lead leader, responsible person and lead section head): a 批示件 marked 内部 or given a 知悉范围.</summary>
    public bool Restricted { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Moves on with every save of the task (<c>LuoshiDb</c>), and each save requires the one it
    /// read: two people who read the same task and both change it do not silently overwrite each other.</summary>
    public int Version { get; set; }

    public List<Milestone> Milestones { get; set; } = [];
    public List<TaskCooperation> Cooperations { get; set; } = [];
}
