using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Projects;

internal sealed class CreateModel(LuoshiDb db, ProjectPipeline pipeline, CurrentViewer current, BureauClock clock) : PageModel
{
    [BindProperty]
    public ProjectInput Input { get; set; } = new();

    public List<SelectListItem> SectionOptions { get; private set; } = [];
    public List<SelectListItem> PersonOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.RequireAsync(ct)).IsAdmin)
        {
            return Forbid();
        }

        Input.IntentOn = clock.Today;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await pipeline.CreateAsync(await current.RequireAsync(ct), Input, ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = "已登记项目";
            return Redirect($"/Projects/{outcome.Value!.Id}");
        }

        ModelState.Clear();
        await LoadAsync(ct);
        return this.Show(outcome, _ => Page(), "Input.");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        SectionOptions = await db.Sections.Where(s => s.UnitId == viewer.UnitId && s.IsActive).OrderBy(s => s.SortOrder)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(ct);
        PersonOptions = await db.People.Where(p => p.UnitId == viewer.UnitId && p.IsActive && p.SectionId != null).OrderBy(p => p.SectionId)
            .Select(p => new SelectListItem(p.Name + "（" + p.Section!.Name + "）", p.Id.ToString())).ToListAsync(ct);
    }
}
