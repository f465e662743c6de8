namespace Luoshi.Features.Tasks;

/// <summary>One line of a task's history: who did what and when. Written beside every change,
/// never edited.</summary>
internal sealed class TaskEvent
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public DateTime At { get; set; }
    public int? ActorId { get; set; }
    public required string Kind { get; set; }
    public required string Summary { get; set; }
}
