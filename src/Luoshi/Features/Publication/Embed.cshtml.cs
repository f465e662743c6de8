using Luoshi.Data;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Luoshi.Features.Publication;

/// <summary>A small summary of the latest edition for the bureau's website to put in a frame: the
/// totals and a link to the full page. No form, no script, so being framed by anyone is harmless.</summary>
[AllowAnonymous]
[AllowFraming]
[EnableRateLimiting(PublicationFeature.RateLimitPolicy)]
internal sealed class EmbedModel(LuoshiDb db) : PageModel
{
    public int Unit { get; private set; }
    public string UnitName { get; private set; } = "";
    public EditionView? Edition { get; private set; }

    public async Task<IActionResult> OnGetAsync(int unit, CancellationToken ct)
    {
        if (await PublicEditions.UnitNameAsync(db, unit, ct) is not { } name)
        {
            return NotFound();
        }

        (Unit, UnitName) = (unit, name);
        if (await PublicEditions.FindAsync(db, unit, null, ct) is { } edition)
        {
            Edition = EditionView.Of(name, edition);
        }

        return Page();
    }
}
