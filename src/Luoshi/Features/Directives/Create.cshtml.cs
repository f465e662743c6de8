using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Directives;

internal sealed class CreateModel(LuoshiDb db, DirectiveDesk desk, CurrentViewer current, BureauClock clock) : PageModel
{
    private static readonly string[] Fields =
        [nameof(DirectiveInput.SourceTitle), nameof(DirectiveInput.DocumentNumber), nameof(DirectiveInput.Classification), nameof(DirectiveInput.Leader),
         nameof(DirectiveInput.InstructedOn), nameof(DirectiveInput.Instruction), nameof(DirectiveInput.LeadSectionId), nameof(DirectiveInput.ResponsiblePersonId),
         nameof(DirectiveInput.LeadLeaderId), nameof(DirectiveInput.DueDate), nameof(DirectiveInput.CooperatingSectionIds), nameof(DirectiveInput.ReaderIds)];

    [BindProperty]
    public DirectiveInput Input { get; set; } = new();

    public DateOnly Today => clock.Today;
    public List<SelectListItem> LeaderOptions { get; private set; } = [];
    public List<SelectListItem> SectionOptions { get; private set; } = [];
    public List<SelectListItem> PersonOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.RequireAsync(ct)).IsAdmin)
        {
            return Forbid();
        }

        Input.InstructedOn = clock.Today;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The desk checks every field itself (for the API too): its messages replace the binder's.
        ModelState.Clear();
        var outcome = await desk.CreateAsync(await current.RequireAsync(ct), Input, ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = "已登记领导批示件";
            return Redirect($"/Directives/{outcome.Value!.Id}");
        }

        var shown = this.Show(outcome, _ => Page(), "Input.");
        ModelState.KeepVisible("Input.", "", Fields);
        await LoadAsync(ct);
        return shown;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        LeaderOptions = await PickLists.LeadersAsync(db, viewer.UnitId, ct);
        SectionOptions = await PickLists.SectionsAsync(db, viewer.UnitId, ct);
        PersonOptions = await db.People.Where(p => p.UnitId == viewer.UnitId && p.IsActive && p.Role != Role.Auditor).OrderBy(p => p.Id)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync(ct);
    }
}
