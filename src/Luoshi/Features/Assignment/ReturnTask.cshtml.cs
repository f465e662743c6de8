using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Assignment;

/// <summary>退办: the lead section's head sends a task back to the office with a reason.</summary>
internal sealed class ReturnTaskModel(LuoshiDb db, TaskEditor tasks, TaskReturns returns, PlanCache plans, WorkingCalendars calendars, CurrentViewer current, BureauClock clock) : PageModel
{
    [BindProperty]
    [Display(Name = "退办理由")]
    [StringLength(TaskReturn.MaxText, ErrorMessage = "退办理由不超过1000字")]
    public string? Reason { get; set; }

    public WorkTask Task { get; private set; } = null!;
    public string Section { get; private set; } = "";
    public DateOnly WindowEnd { get; private set; }

    /// <summary>Why the form is not offered (signed, out of the window, returned before), or null.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await returns.RequestAsync(await current.RequireAsync(ct), id, Reason, ct);
        return this.Show(outcome, _ =>
        {
            TempData["Notice"] = "已退办，等待办公室改派或答复";
            return Redirect($"/Tasks/{id}");
        }, field => field == "Reason" ? "Reason" : "");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var task = await tasks.FindVisibleForScheduleAsync(viewer, id, ct);
        if (task is null)
        {
            return NotFound();
        }

        if (viewer.Role != Role.SectionHead || viewer.SectionId != task.LeadSectionId)
        {
            return Forbid();
        }

        Task = task;
        var plan = await plans.GetAsync(db, task.PlanId, ct);
        WindowEnd = TaskReturns.WindowEnd(task, plan, await calendars.ForUnitAsync(db, viewer.UnitId, ct));
        Section = await db.Sections.Where(s => s.Id == task.LeadSectionId).Select(s => s.Name).FirstAsync(ct);
        var assignedOn = task.AssignedOn ?? DateOnly.FromDateTime(task.CreatedAt);
        Refusal = await db.TaskReturns.AnyAsync(r => r.TaskId == id && r.SectionId == task.LeadSectionId && r.AssignedOn == assignedOn, ct)
            ? "本科室已退办过该任务，不能重复退办"
            : TaskReturns.Refusal(viewer, task, clock.Today, WindowEnd);
        return null;
    }
}
