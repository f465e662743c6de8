using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Plans;

internal sealed class DetailModel(LuoshiDb db, CurrentViewer current) : PageModel
{
    public Plan Plan { get; private set; } = null!;
    public PlanHeading Tree { get; private set; } = PlanTree.Build([], new Dictionary<string, string>());
    public int Count { get; private set; }
    public bool IsAdmin { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        IsAdmin = viewer.IsAdmin;
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.UnitId == viewer.UnitId, ct);
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        var rows = await db.Tasks.AsNoTracking().VisibleTo(viewer).Where(t => t.PlanId == id)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToRows(db).ToListAsync(ct);
        Count = rows.Count;
        // Heading titles only when some task sits under a heading; the document is parsed again for them.
        var text = rows.Any(r => PlanTree.Levels(r.Number).Count > 1)
            ? await db.SourceDocuments.AsNoTracking().Where(d => d.UnitId == viewer.UnitId && d.PlanId == id).OrderByDescending(d => d.Id).Select(d => d.Text).FirstOrDefaultAsync(ct)
            : null;
        Tree = PlanTree.Build(rows, PlanTree.TitlesOf(text));
        return Page();
    }
}
