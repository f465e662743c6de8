using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Recheck;

/// <summary>回头看: scheduled, running and concluded re-checks with their results (office and leaders).</summary>
internal sealed class IndexModel(LuoshiDb db, CurrentViewer current) : PageModel
{
    public List<RecheckDto> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!Rechecks.MayList(viewer))
        {
            return Forbid();
        }

        Rows = await RecheckList.ForAsync(db, viewer, null, ct);
        return Page();
    }
}
