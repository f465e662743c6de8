using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Directives;

internal sealed class IndexModel(LuoshiDb db, CurrentViewer current, Audit.AuditLog audit) : PageModel
{
    [FromQuery] public bool Open { get; set; }

    public List<DirectiveRow> Rows { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        IsAdmin = viewer.IsAdmin;
        Rows = await DirectiveList.LoadAsync(db, viewer, Open, ct);
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var bytes = await DirectiveWorkbook.WriteAsync(db, viewer, ct);
        // The leaders' instructions: an export, audited as the other ledgers' are.
        await audit.ExportedAsync(viewer, DirectiveWorkbook.FileName);
        return File(bytes, DirectiveWorkbook.ContentType, DirectiveWorkbook.FileName);
    }
}
