using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Tasks;

internal sealed class IndexModel(LuoshiDb db, CurrentViewer current) : PageModel
{
    private const int PageSize = 30;

    [FromQuery] public string? Q { get; set; }
    [FromQuery] public int? Section { get; set; }
    [FromQuery] public int? Leader { get; set; }
    [FromQuery] public string? Light { get; set; }
    [FromQuery] public DateOnly? DueBefore { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Light? LightFilter { get; private set; }
    public TaskPage Result { get; private set; } = null!;
    public List<Section> Sections { get; private set; } = [];
    public List<Person> Leaders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        LightFilter = LightNames.TryParse(Light, out var light) ? light : null;
        Result = await TaskList.PageAsync(db, viewer, new TaskFilter(null, Section, Leader, null, LightFilter, DueBefore, Q), PageNumber, PageSize, ct);
        Sections = await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId && s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(ct);
        Leaders = await db.People.AsNoTracking().Where(p => p.UnitId == viewer.UnitId && p.Role == Role.Leader && p.IsActive).ToListAsync(ct);
    }

    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = Q, ["section"] = Section?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["leader"] = Leader?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["light"] = Light,
            ["dueBefore"] = DueBefore?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
}
