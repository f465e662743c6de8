using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reports;

/// <summary>退回重报: the office or the lead leader reads the report and returns it with a reason.</summary>
internal sealed class ReturnModel(LuoshiDb db, TaskEditor tasks, ReportReturner returner, PlanCache plans, CurrentViewer current, BureauClock clock) : PageModel
{
    [BindProperty]
    [Display(Name = "退回理由")]
    [StringLength(ReportReturn.MaxReason, ErrorMessage = "退回理由不超过1000字")]
    public string? Reason { get; set; }

    public ProgressReport Report { get; private set; } = null!;
    public WorkTask Task { get; private set; } = null!;
    public string Period { get; private set; } = "";
    public string Author { get; private set; } = "";
    public ReportReturn? Earlier { get; private set; }

    public string Local(DateTime utc) => clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await returner.ReturnAsync(await current.RequireAsync(ct), id, Reason, ct);
        return this.Show(outcome, r =>
        {
            TempData["Notice"] = "已退回，要求重报；该期在重新报送前按未报送计";
            return Redirect($"/Tasks/{r.TaskId}");
        }, field => field == "Reason" ? "Reason" : "");
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var report = await db.Reports.AsNoTracking().Include(r => r.Evidence).FirstOrDefaultAsync(r => r.Id == id && r.UnitId == viewer.UnitId, ct);
        var task = report is null ? null : await tasks.FindVisibleForScheduleAsync(viewer, report.TaskId, ct);
        if (report is null || task is null)
        {
            return NotFound();
        }

        if (!ReportReturner.MayReturn(viewer, task))
        {
            return Forbid();
        }

        (Report, Task) = (report, task);
        var plan = await plans.GetAsync(db, task.PlanId, ct);
        Period = new ReportPeriod(report.PeriodStart, report.PeriodEnd, report.PeriodEnd, report.PeriodEnd).Label(plan.Cadence);
        Author = await db.People.Where(p => p.Id == report.AuthorId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "";
        Earlier = await db.ReportReturns.AsNoTracking().FirstOrDefaultAsync(r => r.ReportId == id, ct);
        return null;
    }
}
