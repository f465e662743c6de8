using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Proposals;

/// <summary>The proposals other units asked this unit to co-handle (协办), for its office: only the
/// request (type, number, title, content, the 主办 unit) and this unit's own opinion.</summary>
internal sealed class OpinionsModel(CurrentViewer current, ProposalOpinions opinions) : PageModel
{
    public List<OpinionRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!viewer.IsAdmin)
        {
            return Forbid();
        }

        Rows = await opinions.Requests(viewer).AsNoTracking().Take(500).ToListAsync(ct);
        return Page();
    }
}
