using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Reports;

internal sealed class DownloadModel(EvidenceAccess access, CurrentViewer current) : PageModel
{
    /// <summary>Why the file is not served, when its bytes no longer match.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        switch (await access.OpenAsync(await current.RequireAsync(ct), id, ct))
        {
            case null:
                return NotFound();
            case { Content: { } content } file:
                return File(content, file.Evidence.ContentType, file.Evidence.FileName);
            case var file:
                // Gone: the file as uploaded is no longer there to serve.
                Problem = file.Problem;
                Response.StatusCode = StatusCodes.Status410Gone;
                return Page();
        }
    }
}
