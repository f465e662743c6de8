using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Publication;

/// <summary>The office's list of public commitments: which tasks are public, which still need their
/// public words, a whole plan made public at once, and the editions published so far.</summary>
internal sealed class IndexModel(LuoshiDb db, PublicationDesk desk, CurrentViewer current) : PageModel
{
    [BindProperty]
    public int? PlanId { get; set; }

    public int Unit { get; private set; }
    public List<CommitmentRow> Rows { get; private set; } = [];
    public List<EditionSummary> Editions { get; private set; } = [];
    public List<SelectListItem> TaskOptions { get; private set; } = [];
    public List<SelectListItem> PlanOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!viewer.IsAdmin)
        {
            return Forbid();
        }

        await LoadAsync(viewer, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        ModelState.Clear();
        var outcome = await desk.AddPlanAsync(viewer, PlanId ?? 0, ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = outcome.Value == 0 ? "该计划的任务都已设为公开" : $"已将{outcome.Value}项任务设为公开，请逐项填写公开标题和进展说明";
            return Redirect("/Publication");
        }

        var shown = this.Show(outcome, _ => Page());
        ModelState.KeepVisible("", "", nameof(PlanId));
        if (viewer.IsAdmin)
        {
            await LoadAsync(viewer, ct);
        }

        return shown;
    }

    private async Task LoadAsync(Viewer viewer, CancellationToken ct)
    {
        Unit = viewer.UnitId;
        Rows = await CommitmentList.LoadAsync(db, viewer.UnitId, ct);
        Editions = await PublicEditions.ListAsync(db, viewer.UnitId, ct);
        var taken = Rows.Select(r => r.TaskId).ToList();
        TaskOptions = await (
            from t in db.Tasks
            join p in db.Plans on new { t.UnitId, Id = t.PlanId } equals new { p.UnitId, p.Id }
            where t.UnitId == viewer.UnitId && t.ParentId == null && !t.Restricted && !p.IsArchived && !taken.Contains(t.Id)
            orderby p.Year descending, p.Id, t.SortOrder, t.Id
            select new SelectListItem(t.Title, t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Group = new SelectListGroup { Name = p.Title } })
            .ToListAsync(ct);
        // One group object per plan, so the select shows one optgroup per plan.
        var groups = new Dictionary<string, SelectListGroup>();
        TaskOptions.ForEach(o => o.Group = groups.TryGetValue(o.Group.Name, out var g) ? g : groups[o.Group.Name] = o.Group);
        PlanOptions = await db.Plans.Where(p => p.UnitId == viewer.UnitId && !p.IsArchived && p.LedgerKind == null).OrderByDescending(p => p.Year).ThenBy(p => p.Id)
            .Select(p => new SelectListItem(p.Title, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync(ct);
    }
}
