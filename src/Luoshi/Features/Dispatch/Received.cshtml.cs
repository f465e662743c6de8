using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Dispatch;

/// <summary>上级交办 as the receiving office sees it: 签收 (choosing its lead section) or 退办 with a reason.</summary>
internal sealed class ReceivedModel(LuoshiDb db, DispatchViews views, Dispatches dispatches, CurrentViewer current) : PageModel
{
    [BindProperty, Display(Name = "牵头科室")] public int LeadSectionId { get; set; }

    [BindProperty, Display(Name = "退办理由")]
    [StringLength(DispatchParty.MaxText, ErrorMessage = "理由不能超过1000个字")]
    public string? Reason { get; set; }

    public ReceivedDispatch Dispatch { get; private set; } = null!;
    public List<SelectListItem> SectionOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int partyId, CancellationToken ct) => await LoadAsync(partyId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSignAsync(int partyId, CancellationToken ct)
    {
        var outcome = await dispatches.SignAsync(await current.RequireAsync(ct), partyId, new SignInput(LeadSectionId), ct);
        return await ShowAsync(partyId, outcome, p =>
        {
            TempData["Notice"] = "已签收。可在本单位任务中“添加子任务”分解到科室";
            return Redirect($"/Tasks/{p.ReceivedTaskId}");
        }, ct);
    }

    public async Task<IActionResult> OnPostReturnAsync(int partyId, CancellationToken ct)
    {
        var outcome = await dispatches.ReturnAsync(await current.RequireAsync(ct), partyId, new ReturnInput(Reason ?? ""), ct);
        return await ShowAsync(partyId, outcome, _ =>
        {
            TempData["Notice"] = "已退办，等待交办单位改派或坚持交办";
            return Redirect($"/Dispatch/Received/{partyId}");
        }, ct);
    }

    private async Task<IActionResult> ShowAsync(int partyId, Outcome<DispatchParty> outcome, Func<DispatchParty, IActionResult> ok, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.Ok)
        {
            return ok(outcome.Value!);
        }

        return await LoadAsync(partyId, ct) ? this.Show(outcome, ok) : NotFound();
    }

    private async Task<bool> LoadAsync(int partyId, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (await views.ReceivedAsync(viewer, partyId, ct) is not { } dispatch)
        {
            return false;
        }

        Dispatch = dispatch;
        SectionOptions = await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId && s.IsActive).OrderBy(s => s.SortOrder)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(ct);
        return true;
    }
}
