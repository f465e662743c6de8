using System.ComponentModel.DataAnnotations;

namespace Luoshi.Features.Events;

/// <summary>An event as recorded, by the API (JSON) and the events page (form).</summary>
internal sealed class EventInput
{
    [Required(ErrorMessage = "请填写活动名称")]
    [StringLength(200, ErrorMessage = "活动名称不能超过200个字")]
    public string Title { get; set; } = "";

    /// <summary>科技活动周, 科普日, 学术年会, 专家进村 …</summary>
    [Required(ErrorMessage = "请填写活动类型")]
    [StringLength(50, ErrorMessage = "活动类型不能超过50个字")]
    public string Kind { get; set; } = "";

    [Required(ErrorMessage = "请填写活动日期")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "请填写活动地点")]
    [StringLength(200, ErrorMessage = "活动地点不能超过200个字")]
    public string Place { get; set; } = "";

    public int OrganiserSectionId { get; set; }

    [StringLength(500, ErrorMessage = "合作单位不能超过500个字")]
    public string? Partners { get; set; }

    public int? TargetParticipants { get; set; }

    /// <summary>Filled once the event was held; only held events count toward the task.</summary>
    public int? ActualParticipants { get; set; }

    public int? TaskId { get; set; }
}

/// <summary>An event as listed and exported.</summary>
internal sealed record EventRow(int Id, string Title, string Kind, DateOnly Date, string Place, string Organiser, string? Partners,
    int? TargetParticipants, int? ActualParticipants, int? TaskId, string? TaskTitle);
