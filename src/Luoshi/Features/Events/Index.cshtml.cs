using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Events;

internal sealed class IndexModel(LuoshiDb db, EventLedger ledger, CurrentViewer current, BureauClock clock) : PageModel
{
    private static readonly string[] Fields =
        [nameof(EventInput.Title), nameof(EventInput.Kind), nameof(EventInput.Date), nameof(EventInput.Place), nameof(EventInput.OrganiserSectionId),
         nameof(EventInput.Partners), nameof(EventInput.TargetParticipants), nameof(EventInput.ActualParticipants), nameof(EventInput.TaskId)];

    [BindProperty]
    public EventInput Input { get; set; } = new();

    public List<EventRow> Events { get; private set; } = [];
    public List<SelectListItem> SectionOptions { get; private set; } = [];
    public List<SelectListItem> TaskOptions { get; private set; } = [];
    public bool MayRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.Date = clock.Today;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The form's own checks (required fields) come first: the ledger assumes them, as the API's do.
        if (ModelState.IsValid)
        {
            var outcome = await ledger.CreateAsync(await current.RequireAsync(ct), Input, ct);
            if (outcome.Kind == OutcomeKind.Ok)
            {
                TempData["Notice"] = $"已登记活动“{outcome.Value!.Title}”";
                return Redirect("/Events");
            }

            var shown = this.Show(outcome, _ => Page(), "Input.");
            if (shown is not PageResult)
            {
                return shown;
            }
        }

        ModelState.KeepVisible("Input.", "", Fields);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct) =>
        File(EventsApi.Workbook(await EventLedger.ListAsync(db, await current.RequireAsync(ct), null, ct)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "活动台账.xlsx");

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        Events = await EventLedger.ListAsync(db, viewer, null, ct);
        MayRecord = viewer.IsAdmin || (viewer.Role != Role.Leader && viewer.SectionId is not null);
        SectionOptions = await db.Sections.Where(s => s.UnitId == viewer.UnitId && s.IsActive && (viewer.IsAdmin || s.Id == viewer.SectionId)).OrderBy(s => s.SortOrder)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(ct);
        TaskOptions = await db.Tasks.VisibleTo(viewer).Where(t => t.TargetValue != null && (viewer.IsAdmin || t.LeadSectionId == viewer.SectionId)).OrderBy(t => t.Id)
            .Select(t => new SelectListItem(t.Title + "（" + t.TargetUnit + "）", t.Id.ToString())).ToListAsync(ct);
    }
}
