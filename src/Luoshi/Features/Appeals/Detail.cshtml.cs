using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Appeals;

/// <summary>One appeal: assignment (office), reply (lead section), follow-up (office).</summary>
internal sealed class DetailModel(LuoshiDb db, CurrentViewer current, TaskEditor tasks, AppealDesk appeals) : PageModel
{
    public WorkTask Task { get; private set; } = null!;
    public AppealDetails Appeal { get; private set; } = null!;
    public List<AppealFollowUp> FollowUps { get; private set; } = [];
    public List<(int Id, string Name)> Sections { get; private set; } = [];
    public List<(int Id, string Name)> People { get; private set; } = [];
    public bool IsAdmin { get; private set; }
    public bool MayReply { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    // What was typed into a refused form, shown again.
    public AssignInput? Assigned { get; private set; }
    public string? Replied { get; private set; }
    public FollowUpInput? FollowedUp { get; private set; }

    public async Task<IActionResult> OnPostAssignAsync(int id, string? category, int leadSectionId, int? responsiblePersonId, CancellationToken ct)
    {
        Assigned = new AssignInput(category, leadSectionId, responsiblePersonId);
        return await DoAsync(id, "Assign", v => appeals.AssignAsync(v, id, category, leadSectionId, responsiblePersonId, ct), ct);
    }

    public async Task<IActionResult> OnPostReplyAsync(int id, string? text, CancellationToken ct)
    {
        Replied = text;
        return await DoAsync(id, "Reply", v => appeals.ReplyAsync(v, id, text, ct), ct);
    }

    public async Task<IActionResult> OnPostFollowUpAsync(int id, string? satisfaction, string? note, CancellationToken ct)
    {
        FollowedUp = new FollowUpInput(satisfaction, note);
        return await DoAsync(id, "FollowUp", v => appeals.FollowUpAsync(v, id, satisfaction, note, ct), ct);
    }

    /// <summary>Each form's messages stand under its own name ("Reply.Text"), beside its fields;
    /// those about fields it does not show stand at its top ("Reply").</summary>
    private async Task<IActionResult> DoAsync<T>(int id, string form, Func<Viewer, Task<Outcome<T>>> action, CancellationToken ct)
    {
        var outcome = await action(await current.RequireAsync(ct));
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = form switch { "Assign" => "已分办", "Reply" => "已答复", _ => "已记录回访" };
            return Redirect($"/Appeals/{id}");
        }

        db.ChangeTracker.Clear();
        ModelState.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var shown = this.Show(outcome, _ => Page(), form + ".");
        ModelState.KeepVisible(form + ".", form, form switch
        {
            "Assign" => ["Category", "LeadSectionId", "ResponsiblePersonId"],
            "Reply" => ["Text"],
            _ => ["Satisfaction", "Note"],
        });
        return shown;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var task = await tasks.FindVisibleAsync(viewer, id, ct);
        var appeal = task is { Kind: WorkKind.Appeal } ? await db.Appeals.AsNoTracking().FirstOrDefaultAsync(a => a.TaskId == id, ct) : null;
        if (task is null || appeal is null)
        {
            return false;
        }

        (Task, Appeal, IsAdmin, MayReply) = (task, appeal, viewer.IsAdmin, (await viewer.RightsOnAsync(db, task, ct)).ReportAsLead);
        FollowUps = await db.AppealFollowUps.AsNoTracking().Where(f => f.TaskId == id).OrderBy(f => f.Id).ToListAsync(ct);
        Sections = [.. (await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId).OrderBy(s => s.SortOrder).Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name))];
        People = [.. (await db.People.AsNoTracking().Where(p => p.UnitId == viewer.UnitId && p.IsActive).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name))];
        return true;
    }
}
