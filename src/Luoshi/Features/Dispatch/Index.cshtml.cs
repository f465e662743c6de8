using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Luoshi.Features.Dispatch;

/// <summary>交办: what this unit assigned to the units below it, and what came from above (上级交办).</summary>
internal sealed class IndexModel(LuoshiDb db, DispatchViews views, BureauClock clock, CurrentViewer current) : PageModel
{
    [FromQuery] public DispatchState? State { get; set; }
    [FromQuery] public int? Unit { get; set; }
    /// <summary>Keyset paging, newest first: the last 交办 id of the page before, and the last received part's id.</summary>
    [FromQuery] public int? Before { get; set; }
    [FromQuery] public int? ReceivedBefore { get; set; }

    public List<DispatchRow> Assigned { get; private set; } = [];
    public List<ReceivedRow> Received { get; private set; } = [];
    public List<SelectListItem> UnitOptions { get; private set; } = [];
    public List<UnitLine> UnitLines { get; private set; } = [];
    public bool HasUnitsBelow { get; private set; }

    /// <summary>The link to the next (older) page of one list, keeping the filters and the other list's place; none on the last page.</summary>
    public string? OlderAssigned => Assigned.Count == DispatchViews.PageSize ? Link(Assigned[^1].Id, ReceivedBefore) : null;
    public string? OlderReceived => Received.Count == DispatchViews.PageSize ? Link(Before, Received[^1].PartyId) : null;

    public string FirstPage => Link(null, ReceivedBefore);

    private string Link(int? before, int? receivedBefore) => "/Dispatch" + Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
    {
        ["State"] = State?.ToString(), ["Unit"] = Unit?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Before"] = before?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ReceivedBefore"] = receivedBefore?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(x => x.Value is not null));

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
        UnitLines = await UnitRollUp.ForViewerAsync(db, viewer, tree, clock.Today, ct);

        Assigned = await views.AssignedAsync(viewer, State, Unit, ct, Before);
        Received = await views.ReceivedListAsync(viewer, State, ct, ReceivedBefore);
        return Page();
    }
}
