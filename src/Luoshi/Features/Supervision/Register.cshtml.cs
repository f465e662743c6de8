using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Supervision;

/// <summary>督办台账: the unit's 督办单 the viewer may see, filtered, paged, and to Excel.</summary>
internal sealed class RegisterModel(ReadDb db, [FromKeyedServices(ReadDb.Key)] SheetRegister register, CurrentViewer current) : PageModel
{
    [FromQuery(Name = "state")] public SheetView? State { get; set; }
    [FromQuery(Name = "section")] public int? Section { get; set; }
    [FromQuery(Name = "source")] public StepSource? Source { get; set; }
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery(Name = "cursor")] public string? Cursor { get; set; }

    public SheetPage Sheets { get; private set; } = new([], 0, 1, SheetRegister.PageSize, null, null);

    /// <summary>Said above the list when the cursor in the address was not one of ours.</summary>
    public string? Note { get; private set; }
    public List<(int Id, string Name)> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var page = await register.PageAsync(viewer, Filter, Cursor is { Length: > 400 } ? "-" : Cursor, ct);
        if (page.Value is null)
        {
            // A cursor edited by hand or kept from an old link: the first page, and why.
            Note = SheetRegister.BadCursor;
            page = await register.PageAsync(viewer, Filter, null, ct);
        }

        Sheets = page.Value!;
        Sections = [.. (await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId).OrderBy(s => s.Id).Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name))];
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        // Written to a temporary file, not to memory, and sent from there: 100,000 sheets are megabytes.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        await RegisterWorkbook.WriteAsync(file, register.AllAsync(viewer, Filter, ct), ct);
        file.Position = 0;
        return File(file, RegisterWorkbook.ContentType, "督办台账.xlsx");
    }

    private SheetFilter Filter => new(State, Section, Source, From, To, Search is { Length: > 100 } s ? s[..100] : Search);

    /// <summary>The query string of the current filters, with a page's cursor (none: the first page).</summary>
    public string Link(string? cursor, string? handler = null) => QueryString.Create(new Dictionary<string, string?>
    {
        ["state"] = State?.ToString(), ["section"] = Section?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["source"] = Source?.ToString(),
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["q"] = Search, ["cursor"] = cursor, ["handler"] = handler,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
