using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Projects;

internal sealed class IndexModel(LuoshiDb db, CurrentViewer current, Audit.AuditLog audit) : PageModel
{
    [FromQuery] public string? Stage { get; set; }
    [FromQuery] public int? Person { get; set; }
    [FromQuery] public int? Section { get; set; }

    public List<ProjectRow> Projects { get; private set; } = [];
    public Funnel Funnel { get; private set; } = null!;
    public List<Section> Sections { get; private set; } = [];
    public List<Person> People { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        IsAdmin = viewer.IsAdmin;
        var filter = new ProjectFilter(Section, Person, Stage);
        Projects = await ProjectList.LoadAsync(db, viewer, filter, ct);
        Funnel = await ProjectFunnel.LoadAsync(db, viewer, filter, ct: ct);
        Sections = await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId && s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(ct);
        People = await db.People.AsNoTracking().Where(p => p.UnitId == viewer.UnitId && p.IsActive && p.SectionId != null).OrderBy(p => p.SectionId).ThenBy(p => p.Id).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var bytes = ProjectWorkbook.Write(await ProjectList.LoadAsync(db, viewer, new(), ct), await ProjectFunnel.LoadAsync(db, viewer, new(), ct: ct));
        // Names of the persons responsible: an export of personal data, audited.
        await audit.ExportedAsync(viewer, "项目台账.xlsx");
        return File(bytes, ProjectWorkbook.ContentType, "项目台账.xlsx");
    }
}
