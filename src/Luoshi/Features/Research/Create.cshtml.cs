using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Research;

internal sealed class CreateModel(LuoshiDb db, ResearchDesk desk, CurrentViewer current) : PageModel
{
    private static readonly string[] Fields =
        [nameof(TopicInput.Title), nameof(TopicInput.LeadLeaderId), nameof(TopicInput.LeadSectionId), nameof(TopicInput.CooperatingSectionIds),
         nameof(TopicInput.Questions), nameof(TopicInput.Places), nameof(TopicInput.ReportDue), nameof(TopicInput.CloseDue)];

    [BindProperty]
    public TopicInput Input { get; set; } = new();

    public List<SelectListItem> LeaderOptions { get; private set; } = [];
    public List<SelectListItem> SectionOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.RequireAsync(ct)).IsAdmin)
        {
            return Forbid();
        }

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
            TempData["Notice"] = "已设立调研课题";
            return Redirect($"/Research/{outcome.Value!.Id}");
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
    }
}
