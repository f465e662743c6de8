using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Research;

internal sealed class IndexModel(LuoshiDb db, CurrentViewer current, BureauClock clock, Audit.AuditLog audit) : PageModel
{
    [FromQuery] public string? Stage { get; set; }

    public int Year => clock.Today.Year;
    public List<TopicRow> Topics { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        IsAdmin = viewer.IsAdmin;
        Topics = await ResearchList.LoadAsync(db, viewer, Year, Stage, ct);
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var bytes = await ResearchWorkbook.WriteAsync(db, viewer, Year, ct);
        // Leaders' names and the bureau's work: an export, audited as the other ledgers' are.
        await audit.ExportedAsync(viewer, ResearchWorkbook.FileName(Year));
        return File(bytes, ResearchWorkbook.ContentType, ResearchWorkbook.FileName(Year));
    }
}
