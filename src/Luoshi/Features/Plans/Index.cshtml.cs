using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Plans;

internal sealed record PlanSummary(int Id, string Title, int Year, string? DocumentNumber, ReportCadence Cadence, bool IsArchived, int Tasks, int Red, int Yellow, int Done);

internal sealed class IndexModel(LuoshiDb db, CurrentViewer current) : PageModel
{
    public List<PlanSummary> Plans { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        IsAdmin = viewer.IsAdmin;
        // Four counts per plan: counted through the indexes, not by walking the plan's tasks.
        var visible = db.Tasks.AsNoTracking().VisibleToForCounting(viewer, db);
        Plans = await db.Plans.AsNoTracking().Where(p => p.UnitId == viewer.UnitId)
            .OrderByDescending(p => p.Year).ThenBy(p => p.Id)
            .Select(p => new PlanSummary(p.Id, p.Title, p.Year, p.DocumentNumber, p.Cadence, p.IsArchived,
                visible.Count(t => t.PlanId == p.Id), visible.Count(t => t.PlanId == p.Id && t.Light == Light.Red),
                visible.Count(t => t.PlanId == p.Id && t.Light == Light.Yellow), visible.Count(t => t.PlanId == p.Id && t.Light == Light.Done)))
            .ToListAsync(ct);
    }
}
