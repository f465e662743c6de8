using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Luoshi.Features.Public;

/// <summary>The submitter checks his or her own appeal with the receipt number and the secret code;
/// a wrong pair says only that nothing matches. Posts are rate-limited like the forms.</summary>
[EnableRateLimiting(PublicFormGuard.RateLimitPolicy)]
internal sealed class AppealStatusModel(Appeals.Appeals appeals) : PageModel
{
    [BindProperty]
    public string? Receipt { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public (string Stage, DateOnly ReceivedOn, DateOnly DueDate, string? Reply, DateOnly? RepliedOn)? Status { get; private set; }
    public bool Asked { get; private set; }

    public async Task<IActionResult> OnPostAsync(int unit, CancellationToken ct)
    {
        Asked = true;
        Status = await appeals.StatusAsync(unit, Receipt, Code, ct);
        return Page();
    }
}
