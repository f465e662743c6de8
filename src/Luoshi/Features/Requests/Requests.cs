namespace Luoshi.Features.Requests;

internal enum RequestStatus
{
    Pending = 0,
    Approved = 1,
    Refused = 2,

    /// <summary>撤回: taken back without a decision; so far only a duplicate pending request, on upgrade.</summary>
    Withdrawn = 3,
}

/// <summary>延期申请: the lead section asks for a later due date; the lead leader or the office decides.
/// The original due date stays on the task, and the task counts as extended.</summary>
internal sealed class ExtensionRequest
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public int RequestedById { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateOnly CurrentDueDate { get; set; }
    public DateOnly NewDueDate { get; set; }
    public required string Reason { get; set; }
    public RequestStatus Status { get; set; }
    public int? DecidedById { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}

/// <summary>办结申请: a lead-section report that claims completion, with evidence; the office accepts
/// it (办结, 销号) or returns it with the reason.</summary>
internal sealed class CompletionRequest
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public long ReportId { get; set; }
    public int RequestedById { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateOnly ClaimedOn { get; set; }
    public RequestStatus Status { get; set; }
    public int? DecidedById { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}

internal static class RequestStatusNames
{
    public static string Chinese(this RequestStatus status, bool completion = false) => status switch
    {
        RequestStatus.Approved => completion ? "已办结" : "已批准",
        RequestStatus.Refused => completion ? "已退回" : "未批准",
        RequestStatus.Withdrawn => "已撤回",
        _ => "待审核",
    };
}
