namespace Luoshi.Documents;

/// <summary>
/// A task proposed from one outline item. <see cref="Path"/> is the numbers from the top ("三、 （二） 1.");
/// <see cref="Source"/> is where it stands in <see cref="Outline.Text"/> and the sentence that names it.
/// </summary>
public sealed record DraftTask(
    string Path,
    string Number,
    string Title,
    string Body,
    IReadOnlyList<QuantTarget> Targets,
    IReadOnlyList<Deadline> Deadlines,
    IReadOnlyList<NamedUnit> Units,
    SourceSpan Source)
{
    /// <summary>Whether the review ticks it for creation; a section that is not an action is shown but not ticked.</summary>
    public bool Ticked { get; init; } = true;

    /// <summary>Why it is not ticked ("指导思想，不是任务"), shown in the review.</summary>
    public string? Reason { get; init; }
}

/// <summary>Offsets [Start, End) in the document text, and the quoted sentence.</summary>
public sealed record SourceSpan(int Start, int End, string Quote);

public enum TargetOperator
{
    /// <summary>不少于, 不低于, 至少, 以上</summary>
    AtLeast,

    /// <summary>不超过, 控制在…以内, 以下</summary>
    AtMost,

    /// <summary>…左右 with no other direction</summary>
    About,

    /// <summary>达到, 实现, 完成</summary>
    Reach,

    /// <summary>新增, 增加, 增长, 提高</summary>
    Increase,

    /// <summary>下降, 降低, 减少</summary>
    Decrease,
}

/// <summary>A quantitative target as written ("不少于20学时") and read (≥ 20 学时).</summary>
public sealed record QuantTarget(string Text, TargetOperator Operator, decimal Value, string Unit, bool Approximate)
{
    /// <summary>The whole phrase with its subject ("固定资产投资增长15%左右"); <see cref="Text"/> is the number part.</summary>
    public string Phrase { get; init; } = Text;

    public string Symbol => Operator switch
    {
        TargetOperator.AtLeast => "≥",
        TargetOperator.AtMost => "≤",
        TargetOperator.About => "≈",
        TargetOperator.Increase => "+",
        TargetOperator.Decrease => "−",
        _ => "=",
    };
}

/// <summary>
/// A deadline as written ("6月底前"). <see cref="Date"/> is set only when the year is known (written,
/// or the document's); otherwise <see cref="Month"/> and <see cref="Day"/> keep what the text says.
/// </summary>
public sealed record Deadline(string Text, int? Year, int Month, int Day, DateOnly? Date);

public enum UnitRole
{
    /// <summary>牵头单位, or the first of "A、B负责" where the document says the first leads</summary>
    Lead,

    /// <summary>配合单位</summary>
    Cooperating,

    /// <summary>责任单位, or named as responsible without saying which leads</summary>
    Responsible,

    /// <summary>责任人, 牵头领导: a person</summary>
    Person,

    /// <summary>Named in the text (局党组, 各处室) without a stated role</summary>
    Mentioned,
}

public sealed record NamedUnit(string Name, UnitRole Role);
