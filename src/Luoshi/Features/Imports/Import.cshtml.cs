using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Imports;

internal sealed class ImportModel(DocumentUpload upload, CurrentViewer current, HeavyInputGate gate) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => (await current.RequireAsync(ct)).IsAdmin ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "请选择要导入的文件");
            return Page();
        }

        using var turn = await gate.EnterAsync(ct);
        if (turn is null)
        {
            ModelState.AddModelError("", HeavyInputGate.Busy);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var kept = await upload.KeepAsync(await current.RequireAsync(ct), file.FileName, stream, file.Length, ct);
        return this.Show(kept, d => Redirect($"/Plans/Import/{d.Id}"));
    }
}
