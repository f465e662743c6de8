using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Tasks;

/// <summary>"My tasks": what the person answers for, what the section leads, where it cooperates.</summary>
internal sealed class MineModel(LuoshiDb db, CurrentViewer current) : PageModel
{
    public string Scope { get; private set; } = "";
    public List<TaskRow> Responsible { get; private set; } = [];
    public List<TaskRow> Leading { get; private set; } = [];
    public List<TaskRow> Cooperating { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var sections = viewer.SeenSectionIds.ToList();
        Scope = viewer.Role == Role.Leader ? "分管科室" : await db.Sections.Where(s => s.Id == viewer.SectionId).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "";
        var visible = db.Tasks.AsNoTracking().VisibleTo(viewer, openOnly: true).OrderBy(t => t.DueBy);
        Responsible = await visible.Where(t => t.ResponsiblePersonId == viewer.PersonId || t.LeadLeaderId == viewer.PersonId).ToRows(db).ToListAsync(ct);
        Leading = await visible.Where(t => sections.Contains(t.LeadSectionId)).Take(200).ToRows(db).ToListAsync(ct);
        Cooperating = await visible.Where(t => t.Cooperations.Any(c => c.TaskOpen && sections.Contains(c.SectionId))).Take(200).ToRows(db).ToListAsync(ct);
    }
}
