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
    public List<(TaskRow Row, int Depth)> Tree { get; } = [];
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
        var ids = rows.Select(r => r.Id).ToHashSet();
        var children = rows.ToLookup(r => r.ParentId is { } p && ids.Contains(p) ? p : (int?)null);
        void Walk(int? parent, int depth)
        {
            foreach (var row in children[parent])
            {
                Tree.Add((row, depth));
                Walk(row.Id, depth + 1);
            }
        }

        Walk(null, 0);
        return Page();
    }
}
