using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Meetings;

internal sealed class DetailModel(LuoshiDb db, CurrentViewer current, Audit.AuditLog audit) : PageModel
{
    public MeetingDto Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await MeetingList.FindAsync(db, await current.RequireAsync(ct), id, ct) is not { } meeting)
        {
            return NotFound();
        }

        Meeting = meeting;
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(int id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (await MeetingList.FindAsync(db, viewer, id, ct) is not { } meeting)
        {
            return NotFound();
        }

        await audit.ExportedAsync(viewer, MeetingWorkbook.FileName(meeting));
        return File(MeetingWorkbook.Write(meeting), MeetingWorkbook.ContentType, MeetingWorkbook.FileName(meeting));
    }
}
