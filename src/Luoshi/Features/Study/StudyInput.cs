using System.ComponentModel.DataAnnotations;

namespace Luoshi.Features.Study;

/// <summary>A session as recorded, by the API (JSON) and the session page (form).</summary>
internal sealed class SessionInput
{
    [Range(1, int.MaxValue, ErrorMessage = "请选择学习组")]
    public int GroupId { get; set; }

    [Required(ErrorMessage = "请填写学习日期")]
    public DateOnly? Date { get; set; }

    public StudyForm Form { get; set; } = StudyForm.Collective;

    [StringLength(300, ErrorMessage = "学习主题不能超过300个字")]
    public string? Topic { get; set; }

    [StringLength(1000, ErrorMessage = "学习材料不能超过1000个字")]
    public string? Materials { get; set; }

    [StringLength(2000, ErrorMessage = "学习效果不能超过2000个字")]
    public string? Effect { get; set; }

    /// <summary>Hours each attendee is credited with, e.g. 2.5.</summary>
    public decimal Hours { get; set; }

    public List<int>? AttendeeIds { get; set; }
}

internal sealed class GroupInput
{
    [Required(ErrorMessage = "请填写学习组名称"), StringLength(100, ErrorMessage = "学习组名称不能超过100个字")]
    public string Name { get; set; } = "";

    public StudyGroupKind Kind { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "请选择组织科室")]
    public int SectionId { get; set; }

    [Range(0, 365, ErrorMessage = "集中学习次数应在0到365之间")]
    public int RequiredSessions { get; set; }

    [Range(0, 2000, ErrorMessage = "人均学时应在0到2000之间")]
    public decimal RequiredHours { get; set; }

    public List<int> MemberIds { get; set; } = [];
}

internal sealed class PlanInput
{
    [Range(2000, 2100, ErrorMessage = "年度应在2000到2100之间")]
    public int Year { get; set; }

    [Required(ErrorMessage = "请填写计划名称"), StringLength(200, ErrorMessage = "计划名称不能超过200个字")]
    public string Title { get; set; } = "";

    public List<GroupInput> Groups { get; set; } = [];
}
