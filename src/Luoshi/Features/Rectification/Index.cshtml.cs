using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Rectification;

/// <summary>问题清单 with each problem's measures (整改清单) and their progress; the Excel of all three lists.</summary>
internal sealed class IndexModel(LuoshiDb db, CurrentViewer current, BureauClock clock, Audit.AuditLog audit) : PageModel
{
    public List<ProblemRow> Problems { get; private set; } = [];
    public bool SeesLists { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        SeesLists = Rectifications.SeesLists(viewer);
        Problems = await RectificationList.ProblemsAsync(db, viewer, ct);
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var opinions = Rectifications.SeesLists(viewer) ? await RectificationList.OpinionsAsync(db, viewer.UnitId, ct) : [];
        var bytes = RectificationWorkbook.Write(opinions, await RectificationList.ProblemsAsync(db, viewer, ct), clock.ToLocal);
        var name = $"问题整改清单-{clock.Today:yyyyMMdd}.xlsx";
        // Names of the persons responsible: an export of personal data, audited.
        await audit.ExportedAsync(viewer, name);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}
