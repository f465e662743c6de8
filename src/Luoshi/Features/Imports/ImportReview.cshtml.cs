using Luoshi.Data;
using Luoshi.Documents;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Imports;

/// <summary>The preview of an uploaded document's draft tasks, editable, and the import itself.</summary>
internal sealed class ImportReviewModel(LuoshiDb db, PlanImport import, CurrentViewer current, BureauClock clock) : PageModel
{
    private string _text = "";
    private List<Section> _sections = [];

    [FromRoute] public int Id { get; set; }
    [BindProperty] public ImportInput Input { get; set; } = new();
    public string FileName { get; private set; } = "";
    public int DroppedCount { get; private set; }
    public List<SelectListItem> SectionOptions { get; private set; } = [];
    public List<SelectListItem> LeaderOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var outline = OutlineParser.Parse(_text);
        var year = outline.Year ?? clock.Today.Year;
        DroppedCount = outline.Dropped.Count;
        Input = new ImportInput
        {
            Plan = new PlanInput { Title = outline.Title ?? Path.GetFileNameWithoutExtension(FileName), Year = year },
            StartDate = year == clock.Today.Year ? clock.Today : new DateOnly(year, 1, 1),
            Rows = PlanImport.Propose(outline, _sections, year),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await import.CreateAsync(await current.RequireAsync(ct), Id, Input, ct);
        return this.Show(outcome, p =>
        {
            TempData["Notice"] = $"已建立计划，共 {Input.Rows.Count(r => r.Selected)} 项任务";
            return Redirect($"/Plans/{p.Id}");
        }, "Input.");
    }

    public string Quote(ImportRow row) =>
        row.SourceStart >= 0 && row.SourceEnd <= _text.Length && row.SourceEnd > row.SourceStart
            ? Shorten(_text[row.SourceStart..row.SourceEnd])
            : "";

    public string SectionNames(string ids) =>
        string.Join("、", ids.Split(',').Select(i => _sections.FirstOrDefault(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == i)?.Name).OfType<string>());

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!viewer.IsAdmin)
        {
            return Forbid();
        }

        var document = await db.SourceDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == Id && d.UnitId == viewer.UnitId, ct);
        if (document is null)
        {
            return NotFound();
        }

        if (document.PlanId is { } planId)
        {
            return Redirect($"/Plans/{planId}");
        }

        (_text, FileName) = (document.Text, document.FileName);
        _sections = await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId && s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(ct);
        SectionOptions = [.. _sections.Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        LeaderOptions = await db.People.AsNoTracking().Where(p => p.UnitId == viewer.UnitId && p.Role == Role.Leader && p.IsActive)
            .Select(p => new SelectListItem(p.Name + "（" + p.Position + "）", p.Id.ToString())).ToListAsync(ct);
        return null;
    }
}
