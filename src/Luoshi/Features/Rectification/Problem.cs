namespace Luoshi.Features.Rectification;

/// <summary>A problem on the list (问题清单), merged from one or more opinions. It is closed when
/// every one of its measures is done (销号 through the office's completion review); that is
/// computed from the measures, never stored, so it cannot disagree with them.</summary>
internal sealed class Problem
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int SortOrder { get; set; }
    public required string Title { get; set; }
    public required string Category { get; set; }

    /// <summary>责任领导.</summary>
    public int LeaderId { get; set; }

    public DateTime CreatedAt { get; set; }
    public int CreatedById { get; set; }
}

/// <summary>A rectification measure's own fields: the work item itself is a
/// <see cref="Tasks.WorkTask"/> of kind Rectification.</summary>
internal sealed class RectificationMeasure
{
    public int TaskId { get; set; }
    public int UnitId { get; set; }
    public int ProblemId { get; set; }
}
