using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Publication;

/// <summary>What the office sees of the task (internal) beside what it writes for the public.</summary>
internal sealed record TaskFacts(string Title, string PlanTitle, string LeadSection, string? Responsible, int Progress, Light Light, LightReason Reason, DateOnly DueDate, string? Problems);

/// <summary>One public commitment: its public title, narrative and area, and which internal facts are shown.</summary>
internal sealed class EditModel(LuoshiDb db, PublicationDesk desk, CurrentViewer current) : PageModel
{
    private static readonly string[] Fields =
        [nameof(CommitmentInput.PublicTitle), nameof(CommitmentInput.Narrative), nameof(CommitmentInput.Area)];

    [FromQuery(Name = "taskId")]
    public int TaskId { get; set; }

    [BindProperty]
    public CommitmentInput Input { get; set; } = new();

    public TaskFacts Task { get; private set; } = null!;
    public bool IsPublic { get; private set; }
    public List<string> KnownAreas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!viewer.IsAdmin)
        {
            return Forbid();
        }

        if (!await LoadAsync(viewer, ct))
        {
            return NotFound();
        }

        if (await db.PublicCommitments.AsNoTracking().FirstOrDefaultAsync(c => c.UnitId == viewer.UnitId && c.TaskId == TaskId, ct) is { } c)
        {
            Input = new CommitmentInput
            {
                PublicTitle = c.PublicTitle, Narrative = c.Narrative, Area = c.Area, UseTaskTitle = c.UseTaskTitle,
                ShowLeadSection = c.ShowLeadSection, ShowResponsible = c.ShowResponsible, ShowProblems = c.ShowProblems,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        ModelState.Clear();
        var outcome = await desk.SaveAsync(viewer, TaskId, Input, ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = "已保存公开承诺，发布下一期时生效";
            return Redirect("/Publication");
        }

        var shown = this.Show(outcome, _ => Page(), "Input.");
        ModelState.KeepVisible("Input.", "", Fields);
        return viewer.IsAdmin && await LoadAsync(viewer, ct) ? shown : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var outcome = await desk.RemoveAsync(viewer, TaskId, ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = "已取消公开，已发布的各期不变";
            return Redirect("/Publication");
        }

        if (outcome.Kind == OutcomeKind.NotFound && viewer.IsAdmin && await LoadAsync(viewer, ct))
        {
            ModelState.AddModelError("", "该任务尚未设为公开");
            return Page();
        }

        return this.Show(outcome, _ => Page());
    }

    private async Task<bool> LoadAsync(Viewer viewer, CancellationToken ct)
    {
        var facts = await (
            from t in db.Tasks
            join p in db.Plans on new { t.UnitId, Id = t.PlanId } equals new { p.UnitId, p.Id }
            join s in db.Sections on new { t.UnitId, Id = t.LeadSectionId } equals new { s.UnitId, s.Id }
            where t.UnitId == viewer.UnitId && t.Id == TaskId && !t.Restricted
            select new TaskFacts(t.Title, p.Title, s.Name, db.People.Where(x => x.Id == t.ResponsiblePersonId).Select(x => x.Name).FirstOrDefault(),
                t.ProgressPercent, t.Light, t.LightReason, t.DueDate,
                db.Reports.Where(r => r.UnitId == t.UnitId && r.TaskId == t.Id).OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Select(r => r.Problems).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
        if (facts is null)
        {
            return false;
        }

        Task = facts;
        IsPublic = await db.PublicCommitments.AnyAsync(c => c.UnitId == viewer.UnitId && c.TaskId == TaskId, ct);
        KnownAreas = await db.PublicCommitments.Where(c => c.UnitId == viewer.UnitId && c.Area != null).Select(c => c.Area!).Distinct().OrderBy(a => a).ToListAsync(ct);
        return true;
    }
}
