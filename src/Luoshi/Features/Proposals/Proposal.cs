using Luoshi.Features.Tasks;

namespace Luoshi.Features.Proposals;

/// <summary>人大代表建议 or 政协委员提案: the two are handled alike and counted apart.</summary>
internal enum ProposalType
{
    Deputy = 0,
    Member = 1,
}

/// <summary>What a 建议/提案 adds to its <see cref="WorkTask"/> (kind Proposal), one row per task in
/// the 主办 unit. The lead section, person, leader, stage and due date are the task's own.</summary>
internal sealed class ProposalDetails
{
    public int TaskId { get; set; }
    public int UnitId { get; set; }
    public ProposalType Type { get; set; }

    /// <summary>The year of 交办; the number is unique per unit, year and type.</summary>
    public int Year { get; set; }

    /// <summary>As the 人大/政协 numbered it: 第0123号.</summary>
    public required string Number { get; set; }

    public required string Content { get; set; }

    /// <summary>领衔代表 or 提案人.</summary>
    public required string ProposerName { get; set; }

    /// <summary>代表团 (a deputy's delegation) or 界别 (a member's sector).</summary>
    public string? ProposerGroup { get; set; }

    public string? ProposerPhone { get; set; }

    /// <summary>附议/联名 names, separated by 、 (each gets the reply too).</summary>
    public string? CoSigners { get; set; }

    public DateOnly AssignedOn { get; set; }

    /// <summary>The statutory reply deadline: 交办 + 3 months, plus the one extension if granted.
    /// "On time" is judged against it; a re-handling's deadline is the task's due date.</summary>
    public DateOnly ReplyDue { get; set; }

    /// <summary>When the co-handlers' opinions are due (one month before the reply); null without co-handlers.</summary>
    public DateOnly? OpinionDue { get; set; }

    /// <summary>Months of the one extension; 0 while none was granted.</summary>
    public int ExtensionMonths { get; set; }

    public string? ExtensionReason { get; set; }
    public DateOnly? ExtendedOn { get; set; }

    public DateOnly? FirstRepliedOn { get; set; }

    /// <summary>The day 不满意 sent it back to be handled again (重新办理), once at most.</summary>
    public DateOnly? ReopenedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public IReadOnlyList<string> CoSignerNames => ProposalNames.Split(CoSigners);
}

/// <summary>A reply (答复), the first or the one after re-handling, with the proposer's satisfaction
/// recorded on it by the office.</summary>
internal sealed class ProposalReply
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }

    /// <summary>1 for the reply, 2 for the reply after re-handling.</summary>
    public int Round { get; set; }

    public required string Text { get; set; }
    public DateOnly RepliedOn { get; set; }

    /// <summary>办理结果类别: A, B or C (<see cref="ResultClasses"/>).</summary>
    public required string ResultClass { get; set; }

    /// <summary>签发人.</summary>
    public required string Signer { get; set; }

    /// <summary>The proposer and co-signers the reply was delivered to (已送达), separated by 、.</summary>
    public required string DeliveredTo { get; set; }

    public ProposalFile File { get; set; } = new();
    public int RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }

    /// <summary>满意, 基本满意 or 不满意, recorded once by the office.</summary>
    public string? Satisfaction { get; set; }

    public string? SatisfactionNote { get; set; }
    public DateOnly? SatisfactionOn { get; set; }
    public int? SatisfactionById { get; set; }
}

/// <summary>A co-handling unit (协办单位) as the 主办 unit keeps it: which units were asked for an
/// opinion, so that the 主办 reads their opinion rows by their own unit's keys.</summary>
internal sealed class ProposalCoHandler
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }

    /// <summary>The co-handling unit. A plain number, no foreign key: a key to Units would need an index
    /// that does not lead with the unit (see README, Tenancy).</summary>
    public int CoUnitId { get; set; }

    public required string CoUnitName { get; set; }
}

/// <summary>
/// A request for a 协办 opinion, kept in the co-handling unit (<see cref="UnitId"/>) so that its office
/// sees it under the ordinary unit filter. It carries a copy of what the co-handler may read of the
/// proposal (type, number, title, content, the 主办 unit's name) and nothing else of the 主办 unit.
/// </summary>
internal sealed class ProposalOpinion
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int LeadUnitId { get; set; }
    public required string LeadUnitName { get; set; }
    public int LeadTaskId { get; set; }
    public ProposalType Type { get; set; }
    public required string Number { get; set; }
    public required string Title { get; set; }
    public required string Content { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime RequestedAt { get; set; }
    public string? Text { get; set; }

    /// <summary>会签人 of the co-handling unit.</summary>
    public string? Signer { get; set; }

    public DateOnly? SubmittedOn { get; set; }
    public int? SubmittedById { get; set; }
}

/// <summary>The reply document (答复件), kept through the evidence store with its SHA-256; all null
/// when there is none. Columns of its row (an EF complex type).</summary>
internal sealed class ProposalFile
{
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? Size { get; set; }
    public string? Sha256 { get; set; }
    public string? StorageKey { get; set; }

    public bool Exists => StorageKey is not null;
}

internal static class ProposalTypes
{
    public const string Deputy = "人大代表建议";
    public const string Member = "政协委员提案";

    public static readonly IReadOnlyList<string> Names = [Deputy, Member];

    public static string Chinese(this ProposalType type) => type == ProposalType.Deputy ? Deputy : Member;

    public static ProposalType? Parse(string? text) => text?.Trim() switch
    {
        Deputy or "人大建议" => ProposalType.Deputy,
        Member or "政协提案" => ProposalType.Member,
        _ => null,
    };

    /// <summary>领衔代表 for a deputy's suggestion, 提案人 for a member's proposal.</summary>
    public static string ProposerLabel(this ProposalType type) => type == ProposalType.Deputy ? "领衔代表" : "提案人";

    public static string GroupLabel(this ProposalType type) => type == ProposalType.Deputy ? "代表团" : "界别";
}

/// <summary>办理结果类别, as the 人大 and 政协 offices define them.</summary>
internal static class ResultClasses
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["A"] = "所提问题已经解决或基本解决",
        ["B"] = "所提问题正在解决或已列入计划逐步解决",
        ["C"] = "因条件限制或其他原因需以后解决或留作参考",
    };

    public static string Label(string? code) => code is not null && All.TryGetValue(code, out var text) ? $"{code}类（{text}）" : "";
}

internal static class ProposalStages
{
    public static string Handling => WorkKinds.All[WorkKind.Proposal].Stages[0];
    public static string Replied => WorkKinds.All[WorkKind.Proposal].Stages[1];
    public static string Closed => WorkKinds.All[WorkKind.Proposal].Stages[2];

    /// <summary>The milestones the deadlines become, so the light and escalation rules apply unchanged.</summary>
    public const string OpinionMilestone = "协办意见";
    public const string ReplyMilestone = "答复";
    public const string ReReplyMilestone = "重新答复";
}

internal static class ProposalNames
{
    private static readonly char[] Separators = ['、', '，', ',', '；', ';', '\n', '\r'];

    /// <summary>Names as typed (、 or commas or one per line), trimmed, each once.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        [.. (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    public static string? Join(IEnumerable<string> names) => string.Join("、", names) is { Length: > 0 } s ? s : null;
}
