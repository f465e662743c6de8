using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Campaigns;

/// <summary>A campaign's phases with their tasks and the 转段 figures; the office adds a phase's tasks.</summary>
internal sealed class DetailModel(LuoshiDb db, CampaignReports reports, CurrentViewer current) : PageModel
{
    public Transition Report { get; private set; } = null!;
    public bool IsAdmin { get; private set; }
    public bool SeesReport { get; private set; }
    public List<SelectListItem> Sections { get; private set; } = [];
    [BindProperty] public PhaseTaskInput Input { get; set; } = new();
    [BindProperty] public int PhaseId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetWordAsync(int id, int? phase, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!CampaignReports.SeesReport(viewer))
        {
            return Forbid();
        }

        return await reports.TransitionAsync(viewer, id, phase, ct) is { } t
            ? File(TransitionReport.Write(t), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"转段报告-{t.Title}.docx")
            : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var outcome = await reports.AddTaskAsync(await current.RequireAsync(ct), PhaseId, Input, ct);
            if (outcome.Kind == Shared.OutcomeKind.Ok)
            {
                TempData["Notice"] = $"已为阶段新建任务“{outcome.Value!.Title}”";
            }

            var shown = Shared.PageResults.Show(this, outcome, _ => RedirectToPage("/Campaigns/Detail", new { id }), "Input.");
            if (shown is not PageResult)
            {
                return shown;
            }
        }

        Shared.FormErrors.KeepVisible(ModelState, "Input.", "", nameof(PhaseTaskInput.Title), nameof(PhaseTaskInput.LeadSectionId), nameof(PhaseTaskInput.DueDate));
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        IsAdmin = viewer.IsAdmin;
        SeesReport = CampaignReports.SeesReport(viewer);
        Sections = await db.Sections.Where(s => s.UnitId == viewer.UnitId && s.IsActive).OrderBy(s => s.SortOrder).Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(ct);
        Report = (await reports.TransitionAsync(viewer, id, null, ct))!;
        return Report is not null;
    }
}
