using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Proposals;

/// <summary>The office registers a 建议/提案 and assigns it (交办) to a section, with co-handling units.</summary>
internal sealed class CreateModel(LuoshiDb db, ProposalDesk desk, CurrentViewer current, BureauClock clock) : PageModel
{
    private static readonly Dictionary<string, string> TaskFields = new()
    {
        ["StartDate"] = nameof(ProposalInput.AssignedOn), ["DueDate"] = nameof(ProposalInput.AssignedOn), ["Description"] = nameof(ProposalInput.Content),
    };

    private static readonly string[] Fields =
        [nameof(ProposalInput.Type), nameof(ProposalInput.Number), nameof(ProposalInput.Title), nameof(ProposalInput.Content), nameof(ProposalInput.ProposerName),
         nameof(ProposalInput.ProposerGroup), nameof(ProposalInput.ProposerPhone), nameof(ProposalInput.CoSigners), nameof(ProposalInput.AssignedOn),
         nameof(ProposalInput.LeadSectionId), nameof(ProposalInput.ResponsiblePersonId), nameof(ProposalInput.LeadLeaderId), nameof(ProposalInput.CoHandlerUnitIds)];

    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    public List<SelectListItem> SectionOptions { get; private set; } = [];
    public List<SelectListItem> PersonOptions { get; private set; } = [];
    public List<SelectListItem> LeaderOptions { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.RequireAsync(ct)).IsAdmin)
        {
            return Forbid();
        }

        Input.AssignedOn = clock.Today;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (ModelState.IsValid)
        {
            var outcome = await desk.RegisterAsync(viewer, Input, ct);
            if (outcome.Kind == OutcomeKind.Ok)
            {
                TempData["Notice"] = "已登记交办";
                return Redirect($"/Proposals/{outcome.Value!.Id}");
            }

            // The task editor names the task's fields; the form names them as a proposal's.
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
        LeaderOptions = await PickLists.LeadersAsync(db, viewer.UnitId, ct);
        // Every other unit of the deployment may co-handle (Units has no unit filter).
        Units = [.. (await db.Units.AsNoTracking().Where(u => u.Id != viewer.UnitId).OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name))];
    }
}
