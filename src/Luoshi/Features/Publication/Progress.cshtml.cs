using Luoshi.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Luoshi.Features.Publication;

/// <summary>The public progress page of a unit: the latest edition (or an earlier one by its number),
/// filtered by area and status with a plain GET form, with the editions, exports, feed and QR code.</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicationFeature.RateLimitPolicy)]
internal sealed class ProgressModel(LuoshiDb db, PublicAddress address) : PageModel
{
    [FromQuery(Name = "area")]
    public string? Area { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    public int Unit { get; private set; }
    public string UnitName { get; private set; } = "";
    public EditionView? Edition { get; private set; }
    public bool IsLatest { get; private set; }
    public List<EditionSummary> Editions { get; private set; } = [];
    public string PageUrl { get; private set; } = "";
    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int unit, int? edition, CancellationToken ct)
    {
        if (await PublicEditions.UnitNameAsync(db, unit, ct) is not { } name)
        {
            return NotFound();
        }

        (Unit, UnitName) = (unit, name);
        Editions = await PublicEditions.ListAsync(db, unit, ct);
        var found = await PublicEditions.FindAsync(db, unit, edition, ct);
        if (found is null && edition is not null)
        {
            return NotFound();
        }

        if (found is not null)
        {
            var area = string.IsNullOrWhiteSpace(Area) ? null : Area;
            Edition = EditionView.Of(name, found, area, PublicStatuses.Parse(Status));
            IsLatest = Editions.Count > 0 && Editions[0].Number == found.Number;
        }

        PageUrl = address.Page(Request, unit);
        QrSvg = Luoshi.Features.Shared.QrCodes.Svg(PageUrl, "本页二维码");
        return Page();
    }
}
