using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Assignment;

/// <summary>The office decides a 退办: 改派 to another section or person, or 坚持 with a reason.</summary>
internal sealed class DecideModel(LuoshiDb db, TaskEditor tasks, TaskReturns returns, CurrentViewer current, BureauClock clock) : PageModel
{
    [BindProperty, Display(Name = "新牵头科室")] public int? LeadSectionId { get; set; }
    [BindProperty, Display(Name = "新责任人")] public int? ResponsiblePersonId { get; set; }

    [BindProperty]
    [Display(Name = "意见")]
    [StringLength(TaskReturn.MaxText, ErrorMessage = "意见不超过1000字")]
    public string? Note { get; set; }

    public TaskReturn Return { get; private set; } = null!;
    public WorkTask Task { get; private set; } = null!;
    public Roster Roster { get; private set; } = null!;
    public List<SelectListItem> Sections { get; private set; } = [];
    public List<SelectListItem> People { get; private set; } = [];

    public string Local(DateTime utc) => clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostReassignAsync(int id, CancellationToken ct) => await DecideAsync(id, reassign: true, ct);

    public async Task<IActionResult> OnPostKeepAsync(int id, CancellationToken ct) => await DecideAsync(id, reassign: false, ct);

    private async Task<IActionResult> DecideAsync(int id, bool reassign, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await returns.DecideAsync(await current.RequireAsync(ct), id, new ReturnDecision(reassign, LeadSectionId, ResponsiblePersonId, Note), ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            await LoadAsync(id, ct);
        }

        return this.Show(outcome, r =>
        {
            TempData["Notice"] = reassign ? "已改派，新的牵头科室须重新签收" : "已坚持原交办，通知科室签收办理";
            return Redirect($"/Tasks/{r.TaskId}");
        }, field => field);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var request = await db.TaskReturns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.UnitId == viewer.UnitId, ct);
        var task = request is null ? null : await tasks.FindVisibleForScheduleAsync(viewer, request.TaskId, ct);
        if (request is null || task is null)
        {
            return NotFound();
        }

        if (!viewer.IsAdmin)
        {
            return Forbid();
        }

        (Return, Task) = (request, task);
        Roster = await Roster.LoadAsync(db, viewer.UnitId, ct);
        Sections = [new SelectListItem("（不变）", ""), .. Roster.Sections.Where(s => s.Key != task.LeadSectionId).Select(s => new SelectListItem(s.Value, s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        People = [new SelectListItem("（暂不指定）", ""), .. Roster.People.Values.Where(p => p.IsActive && p.SectionId is not null && p.Role is Role.Staff or Role.SectionHead)
            .OrderBy(p => p.SectionId).ThenBy(p => p.Name)
            .Select(p => new SelectListItem($"{p.Name}（{Roster.Section(p.SectionId!.Value)}）", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        return null;
    }
}
