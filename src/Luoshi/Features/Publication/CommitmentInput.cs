using System.ComponentModel.DataAnnotations;

namespace Luoshi.Features.Publication;

/// <summary>What the office writes for the public about one task, and which internal facts it chooses to show.</summary>
internal sealed class CommitmentInput
{
    [StringLength(PublicLimits.Title, ErrorMessage = "公开标题不能超过200个字")]
    public string? PublicTitle { get; set; }

    [StringLength(PublicLimits.Narrative, ErrorMessage = "公开说明不能超过1000个字")]
    public string? Narrative { get; set; }

    [StringLength(PublicLimits.Area, ErrorMessage = "领域不能超过20个字")]
    public string? Area { get; set; }

    public bool UseTaskTitle { get; set; }
    public bool ShowLeadSection { get; set; }
    public bool ShowResponsible { get; set; }
    public bool ShowProblems { get; set; }
}

/// <summary>发布: the number the office previewed, so a second press (or a colleague's) does not publish twice.</summary>
internal sealed class PublishInput
{
    [Range(1, 1_000_000, ErrorMessage = "期号无效")]
    public int? ExpectedNumber { get; set; }

    [StringLength(PublicLimits.Note, ErrorMessage = "本期说明不能超过200个字")]
    public string? Note { get; set; }
}
