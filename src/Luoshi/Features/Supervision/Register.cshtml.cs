using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Supervision;

/// <summary>督办台账: the unit's 督办单 the viewer may see, filtered, paged, and to Excel.</summary>
internal sealed class RegisterModel(LuoshiDb db, SheetRegister register, CurrentViewer current) : PageModel
{
    [FromQuery(Name = "state")] public SheetView? State { get; set; }
    [FromQuery(Name = "section")] public int? Section { get; set; }
    [FromQuery(Name = "source")] public StepSource? Source { get; set; }
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public SheetPage Sheets { get; private set; } = new([], 0, 1, SheetRegister.PageSize);
    public List<(int Id, string Name)> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        Sheets = await register.PageAsync(viewer, Filter, PageNumber, ct);
        Sections = [.. (await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId).OrderBy(s => s.Id).Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name))];
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var rows = await register.AllAsync(await current.RequireAsync(ct), Filter, ct);
        return File(RegisterWorkbook.Write(rows), RegisterWorkbook.ContentType, "督办台账.xlsx");
    }

    private SheetFilter Filter => new(State, Section, Source, From, To, Search is { Length: > 100 } s ? s[..100] : Search);

    /// <summary>The query string of the current filters, with another page.</summary>
    public string Link(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["state"] = State?.ToString(), ["section"] = Section?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["source"] = Source?.ToString(),
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["q"] = Search, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
