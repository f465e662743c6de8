using Luoshi.Features.PublicForms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Luoshi.Features.Appeals;

/// <summary>The submitter checks his or her own appeal with the receipt number and the secret code;
/// a wrong pair says only that nothing matches. Posts are rate-limited like the forms.</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicFormGuard.RateLimitPolicy)]
internal sealed class PublicAppealStatusModel(AppealDesk appeals) : PageModel
{
    [BindProperty]
    public string? Receipt { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public (string Stage, DateOnly ReceivedOn, DateOnly DueDate, string? Reply, DateOnly? RepliedOn)? Status { get; private set; }
    public async Task<IActionResult> OnPostAsync(int unit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Receipt))
        {
            ModelState.AddModelError(nameof(Receipt), "请填写回执号");
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "请填写查询码");
        }

        if (ModelState.IsValid)
        {
            Status = await appeals.StatusAsync(unit, Receipt, Code, ct);
            if (Status is null)
            {
                // One message for both halves: a guesser learns nothing about which was wrong.
                ModelState.AddModelError("", "回执号或查询码不正确，请核对后重新查询");
            }
        }

        return Page();
    }
}
