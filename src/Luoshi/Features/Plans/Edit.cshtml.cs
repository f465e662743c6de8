using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Plans;

internal sealed class EditModel(LuoshiDb db, PlanEditor editor, CurrentViewer current, BureauClock clock) : PageModel
{
    [BindProperty]
    public PlanInput Input { get; set; } = new();

    [FromRoute]
    public int? Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!viewer.IsAdmin)
        {
            return Forbid();
        }

        if (Id is null)
        {
            Input = new PlanInput { Year = clock.Today.Year };
            return Page();
        }

        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id && p.UnitId == viewer.UnitId, ct);
        if (plan is null)
        {
            return NotFound();
        }

        Input = PlanInput.From(plan);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await editor.SaveAsync(await current.RequireAsync(ct), Id, Input, ct);
        return this.Show(outcome, p =>
        {
            TempData["Notice"] = "计划已保存";
            return Redirect($"/Plans/{p.Id}");
        }, "Input.");
    }
}
