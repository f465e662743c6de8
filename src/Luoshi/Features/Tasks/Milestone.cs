namespace Luoshi.Features.Tasks;

/// <summary>A dated checkpoint (时间节点) with its deliverable.</summary>
internal sealed class Milestone
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public required string Title { get; set; }
    public string? Deliverable { get; set; }
    public DateOnly DueDate { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? CompletionNote { get; set; }
    public int SortOrder { get; set; }
}
