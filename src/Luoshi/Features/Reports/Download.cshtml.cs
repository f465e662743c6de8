using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Reports;

internal sealed class DownloadModel(EvidenceAccess access, CurrentViewer current) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await access.OpenAsync(await current.RequireAsync(ct), id, ct) is { } file
            ? File(file.Content, file.Evidence.ContentType, file.Evidence.FileName)
            : NotFound();
}
