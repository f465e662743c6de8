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
    private static readonly Dictionary<string, string> TaskFields = new()
    {
        ["StartDate"] = nameof(ProjectInput.IntentOn), ["DueDate"] = nameof(ProjectInput.CompleteTarget), ["TargetValue"] = nameof(ProjectInput.Amount),
        ["milestones[0].DueDate"] = nameof(ProjectInput.SignTarget), ["milestones[1].DueDate"] = nameof(ProjectInput.FundsTarget),
        ["milestones[2].DueDate"] = nameof(ProjectInput.StartTarget), ["milestones[3].DueDate"] = nameof(ProjectInput.CompleteTarget),
    };

    private static readonly string[] Fields =
        [nameof(ProjectInput.Title), nameof(ProjectInput.Investor), nameof(ProjectInput.Amount), nameof(ProjectInput.Industry), nameof(ProjectInput.LeadSectionId),
         nameof(ProjectInput.ResponsiblePersonId), nameof(ProjectInput.IntentOn), nameof(ProjectInput.IntentEvidence), nameof(ProjectInput.SignTarget),
         nameof(ProjectInput.FundsTarget), nameof(ProjectInput.StartTarget), nameof(ProjectInput.CompleteTarget)];

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
        // The form's own checks (required fields) come first: the pipeline assumes them, as the API's do.
        if (ModelState.IsValid)
        {
            var outcome = await pipeline.CreateAsync(await current.RequireAsync(ct), Input, ct);
            if (outcome.Kind == OutcomeKind.Ok)
            {
                TempData["Notice"] = "已登记项目";
                return Redirect($"/Projects/{outcome.Value!.Id}");
            }

            // The task editor names the task's fields; the form names them as a project's.
            var errors = outcome.Errors?.ToDictionary(e => TaskFields.GetValueOrDefault(e.Key, e.Key), e => e.Value);
            var shown = this.Show(outcome with { Errors = errors }, _ => Page(), "Input.");
            if (shown is not PageResult)
            {
                return shown;
            }
        }

        ModelState.KeepVisible("Input.", "", Fields);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        SectionOptions = await PickLists.SectionsAsync(db, viewer.UnitId, ct);
        PersonOptions = await PickLists.PeopleAsync(db, viewer.UnitId, ct);
    }
}
