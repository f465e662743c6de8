using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Study;

/// <summary>学习台账: the plan's groups and members against the requirement, with lights.</summary>
internal sealed class IndexModel(LuoshiDb db, StudyLedger ledger, CurrentViewer current, BureauClock clock, Audit.AuditLog audit) : PageModel
{
    [FromQuery(Name = "plan")] public int? PlanId { get; set; }
    public List<(int Id, string Title)> Plans { get; private set; } = [];
    public Ledger? Ledger { get; private set; }
    public bool MayRecord { get; private set; }
    public bool MayPlan { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Ledger is null)
        {
            return NotFound();
        }

        var viewer = await current.RequireAsync(ct);
        var sessions = await db.SessionsAsync(Ledger.Groups.Count == 0 ? 0 : viewer.UnitId, [.. Ledger.Groups.Select(g => g.Id)], ct);
        // Attendance and hours by name: an export of personal data, audited.
        await audit.ExportedAsync(viewer, $"学习台账-{Ledger.Year}.xlsx");
        return File(StudyWorkbook.Write(Ledger, sessions), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"学习台账-{Ledger.Year}.xlsx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        Plans = [.. (await db.StudyPlans.Where(p => p.UnitId == viewer.UnitId).OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title))];
        var id = PlanId ?? (Plans.Count > 0 ? Plans[0].Id : 0);
        Ledger = await ledger.ForAsync(viewer, id, clock.Today, ct);
        MayRecord = Ledger?.Groups.Any(g => StudyAccess.Manages(viewer, g.SectionId)) ?? false;
        MayPlan = viewer.IsAdmin;
    }
}
