using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Study;

/// <summary>The sessions of the groups the viewer may see, with the 四落实 check.</summary>
internal sealed class SessionsModel(LuoshiDb db, StudyLedger ledger, CurrentViewer current, BureauClock clock) : PageModel
{
    [FromQuery(Name = "plan")] public int PlanId { get; set; }
    public Ledger? Ledger { get; private set; }
    public List<SessionRow> Sessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        Ledger = await ledger.ForAsync(viewer, PlanId, clock.Today, ct);
        if (Ledger is null)
        {
            return NotFound();
        }

        Sessions = await db.SessionsAsync(viewer.UnitId, [.. Ledger.Groups.Select(g => g.Id)], ct);
        return Page();
    }
}
