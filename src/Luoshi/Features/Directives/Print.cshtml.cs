using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Directives;

/// <summary>批示件办理单: the item on one A4 page, to file with the paper document.</summary>
internal sealed class PrintModel(LuoshiDb db, CurrentViewer current) : PageModel
{
    public DirectiveDto Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await DirectiveList.FindAsync(db, await current.RequireAsync(ct), id, ct) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        return Page();
    }
}
