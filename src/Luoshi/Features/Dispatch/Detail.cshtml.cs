using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Luoshi.Features.Dispatch;

/// <summary>One 交办 as the assigning unit sees it, and the office's answer to a returned part.</summary>
internal sealed class DetailModel(LuoshiDb db, DispatchViews views, Dispatches dispatches, CurrentViewer current, BureauClock clock) : PageModel
{
    [BindProperty] public int PartyId { get; set; }
    [BindProperty, Display(Name = "改派单位")] public int ReassignTo { get; set; }

    [BindProperty, Display(Name = "意见")]
    [StringLength(DispatchParty.MaxText, ErrorMessage = "意见不能超过1000个字")]
    public string? Note { get; set; }

    public DispatchDetail Dispatch { get; private set; } = null!;
    public List<SelectListItem> UnitOptions { get; private set; } = [];

    public string Local(DateTime? utc) => utc is { } at ? clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReassignAsync(int id, CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? await dispatches.ReassignAsync(await current.RequireAsync(ct), PartyId, new ReassignInput(ReassignTo, Note), ct) : null;
        return await ShowAsync(id, outcome, "已改派，已通知新的承办单位签收", ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? await dispatches.ConfirmAsync(await current.RequireAsync(ct), PartyId, new ConfirmInput(Note ?? ""), ct) : null;
        return await ShowAsync(id, outcome, "已坚持交办，已通知承办单位签收办理", ct);
    }

    private async Task<IActionResult> ShowAsync(int id, Outcome<DispatchParty>? outcome, string done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (outcome is null)
        {
            return Page();
        }

        return this.Show(outcome, _ =>
        {
            TempData["Notice"] = done;
            return Redirect($"/Dispatch/{id}");
        }, field => field switch { "UnitId" => nameof(ReassignTo), _ => nameof(Note) });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (await views.DetailAsync(viewer, id, ct) is not { } detail)
        {
            return false;
        }

        Dispatch = detail;
        var tree = await UnitTree.LoadAsync(db, ct);
        var taken = detail.Parties.Where(p => p.State != DispatchState.Reassigned).Select(p => p.ReceiverUnitId).ToHashSet();
        UnitOptions = [.. tree.Descendants(viewer.UnitId).Where(b => !taken.Contains(b.Unit.Id))
            .Select(b => new SelectListItem(new string('　', b.Depth - 1) + b.Unit.Name, b.Unit.Id.ToString(CultureInfo.InvariantCulture)))];
        return true;
    }
}
