using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Projects;

internal sealed class DetailModel(LuoshiDb db, TaskEditor editor, ProjectPipeline pipeline, CurrentViewer current, BureauClock clock) : PageModel
{
    public WorkTask Project { get; private set; } = null!;
    public ProjectDetails Details { get; private set; } = null!;
    public List<ProjectStage> Stages { get; private set; } = [];
    public string Section { get; private set; } = "";
    public string? Person { get; private set; }
    public bool MayAdvance { get; private set; }
    public string? NextStage { get; private set; }
    public DateOnly Today => clock.Today;

    [BindProperty]
    public StageInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var outcome = await pipeline.AdvanceAsync(await current.RequireAsync(ct), id, Input, ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = $"项目已进入“{ProjectStages.Names[outcome.Value!.StageIndex]}”阶段";
            return Redirect($"/Projects/{id}");
        }

        // The pipeline checks every field itself (for the API too): its messages replace the binder's.
        ModelState.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var shown = this.Show(outcome, _ => Page(), "Input.");
        ModelState.KeepVisible("Input.", "", nameof(StageInput.Stage), nameof(StageInput.ReachedOn), nameof(StageInput.Evidence));
        return shown;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var task = await editor.FindVisibleForScheduleAsync(viewer, id, ct);
        var details = await db.ProjectDetails.AsNoTracking().FirstOrDefaultAsync(d => d.TaskId == id && d.UnitId == viewer.UnitId, ct);
        if (task is not { Kind: WorkKind.Project } || details is null)
        {
            return false;
        }

        (Project, Details) = (task, details);
        Stages = await db.ProjectStages.AsNoTracking().Where(s => s.TaskId == id && s.UnitId == viewer.UnitId).OrderBy(s => s.StageIndex).ToListAsync(ct);
        Section = await db.Sections.Where(s => s.Id == task.LeadSectionId).Select(s => s.Name).FirstAsync(ct);
        Person = await db.People.Where(p => p.Id == task.ResponsiblePersonId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        var next = ProjectStages.IndexOf(task.Stage) + 1;
        NextStage = next < ProjectStages.Names.Count ? ProjectStages.Names[next] : null;
        MayAdvance = NextStage is not null && (await viewer.RightsOnAsync(db, task, ct)).CompleteMilestones;
        return true;
    }
}
