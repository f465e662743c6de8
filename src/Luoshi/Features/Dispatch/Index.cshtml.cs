using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Luoshi.Features.Dispatch;

/// <summary>交办: what this unit assigned to the units below it, and what came from above (上级交办).</summary>
internal sealed class IndexModel(LuoshiDb db, DispatchViews views, Dispatches dispatches, BureauClock clock, CurrentViewer current) : PageModel
{
    [FromQuery] public DispatchState? State { get; set; }
    [FromQuery] public int? Unit { get; set; }

    public List<DispatchRow> Assigned { get; private set; } = [];
    public List<ReceivedRow> Received { get; private set; } = [];
    public List<SelectListItem> UnitOptions { get; private set; } = [];
    public List<UnitLine> UnitLines { get; private set; } = [];
    public bool HasUnitsBelow { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!viewer.IsAdmin)
        {
            return Forbid();
        }

        var tree = await UnitTree.LoadAsync(db, ct);
        var below = tree.Descendants(viewer.UnitId);
        HasUnitsBelow = below.Count > 0;
        UnitOptions = [.. below.Select(b => new SelectListItem(new string('　', b.Depth - 1) + b.Unit.Name, b.Unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Unit.Id == Unit))];
        UnitLines = await UnitRollUp.ForViewerAsync(db, dispatches, viewer, tree, clock.Today, ct);

        Assigned = await views.AssignedAsync(viewer, State, Unit, ct);
        Received = await views.ReceivedListAsync(viewer, State, ct);
        return Page();
    }
}
