using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Tasks;

internal sealed class EditModel(LuoshiDb db, TaskEditor editor, CurrentViewer current) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public TaskInput Input { get; set; } = new();
    [BindProperty] public string? TagText { get; set; }
    [BindProperty] public List<int> CoopSections { get; set; } = [];
    [BindProperty] public List<MilestoneInput> Milestones { get; set; } = [];

    public bool EditAll { get; private set; }
    public List<Section> Sections { get; private set; } = [];
    public List<SelectListItem> PlanOptions { get; private set; } = [];
    public List<SelectListItem> ParentOptions { get; private set; } = [];
    public List<SelectListItem> LeaderOptions { get; private set; } = [];
    public List<SelectListItem> SectionOptions { get; private set; } = [];
    public List<SelectListItem> PersonOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? planId, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (Id is { } id)
        {
            var task = await editor.FindVisibleAsync(viewer, id, ct);
            if (task is null)
            {
                return NotFound();
            }

            if (!(await viewer.RightsOnAsync(db, task, ct)).EditLeadFields)
            {
                return Forbid();
            }

            Input = TaskInput.From(task);
        }
        else
        {
            if (!viewer.IsAdmin)
            {
                return Forbid();
            }

            Input = new TaskInput { PlanId = planId ?? 0 };
        }

        TagText = string.Join("，", Input.Tags ?? []);
        await LoadOptionsAsync(viewer, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        Input.Tags = [TagText ?? ""];
        Input.Cooperations = [.. CoopSections.Distinct().Select(s => new CooperationInput { SectionId = s, Part = Request.Form[$"CoopParts[{s}]"].FirstOrDefault() })];
        if (Id is { } id && !viewer.IsAdmin && await editor.FindVisibleAsync(viewer, id, ct) is { } task)
        {
            // Disabled fields are not posted: keep the office's values and take only the head's.
            var posted = Input;
            Input = TaskInput.From(task);
            Input.Description = posted.Description;
            Input.ResponsiblePersonId = posted.ResponsiblePersonId;
            ModelState.Clear();
        }

        // The milestone rows are optional (可稍后再加): a row left blank is no milestone. The rows kept
        // are checked by the editor, which names them by their place among the kept ones.
        Milestones = [.. Milestones.Where(m => !string.IsNullOrWhiteSpace(m.Title) || m.DueDate is not null || !string.IsNullOrWhiteSpace(m.Deliverable))];
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Milestones[", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        if (!ModelState.IsValid)
        {
            await LoadOptionsAsync(viewer, ct);
            return Page();
        }

        var outcome = Id is { } taskId
            ? await editor.UpdateAsync(viewer, taskId, Input, ct)
            : await editor.CreateAsync(viewer, Input, Milestones, ct);
        await LoadOptionsAsync(viewer, ct);
        return this.Show(outcome, t =>
        {
            TempData["Notice"] = "任务已保存";
            return Redirect($"/Tasks/{t.Id}");
        }, field => field.StartsWith("milestones[", StringComparison.Ordinal) ? "M" + field[1..] : "Input." + field);
    }

    private async Task LoadOptionsAsync(Viewer viewer, CancellationToken ct)
    {
        EditAll = viewer.IsAdmin;
        Sections = await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId && s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.UnitId == viewer.UnitId && p.IsActive).OrderBy(p => p.SectionId).ThenBy(p => p.Id).ToListAsync(ct);
        PlanOptions = await db.Plans.AsNoTracking().Where(p => p.UnitId == viewer.UnitId && (!p.IsArchived || p.Id == Input.PlanId))
            .OrderByDescending(p => p.Year).Select(p => new SelectListItem(p.Title, p.Id.ToString())).ToListAsync(ct);
        ParentOptions = await db.Tasks.AsNoTracking().Where(t => t.UnitId == viewer.UnitId && t.PlanId == Input.PlanId && t.ParentId == null && t.Id != Id)
            .OrderBy(t => t.SortOrder).Select(t => new SelectListItem((t.Number ?? "") + " " + t.Title, t.Id.ToString())).ToListAsync(ct);
        LeaderOptions = [.. people.Where(p => p.Role == Role.Leader).Select(p => new SelectListItem($"{p.Name}（{p.Position}）", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        SectionOptions = [.. Sections.Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        PersonOptions = [.. people.Where(p => p.SectionId is not null && (viewer.IsAdmin || p.SectionId == Input.LeadSectionId))
            .Select(p => new SelectListItem($"{p.Name}（{Sections.FirstOrDefault(s => s.Id == p.SectionId)?.Name}）", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }
}
