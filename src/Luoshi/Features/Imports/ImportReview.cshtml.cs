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

    /// <summary>?minutes=true/false switches the reading; without it, minutes are recognised by their title and decisions.</summary>
    [FromQuery(Name = "minutes")] public bool? AsMinutes { get; set; }

    /// <summary>The meeting the decisions come from, when read as minutes.</summary>
    public string? Meeting { get; private set; }
    public bool LooksLikeMinutes { get; private set; }
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
        var minutes = AsMinutes ?? LooksLikeMinutes;
        var read = minutes ? MinutesReader.Read(outline) : null;
        var year = read?.MeetingDate?.Year ?? outline.Year ?? clock.Today.Year;
        DroppedCount = outline.Dropped.Count;
        Input = new ImportInput
        {
            Plan = new PlanInput { Title = read?.SourceName ?? outline.Title ?? Path.GetFileNameWithoutExtension(FileName), Year = year },
            StartDate = year == clock.Today.Year ? clock.Today : new DateOnly(year, 1, 1),
            Rows = PlanImport.Propose(outline, _sections, year, clock.Today, minutes),
            Minutes = minutes,
        };
        Meeting = Describe(read);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (Input.Minutes)
        {
            Meeting = Describe(MinutesReader.Read(OutlineParser.Parse(_text)));
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

    private static string? Describe(MeetingMinutes? minutes) => minutes is null ? null
        : $"{minutes.MeetingName ?? "会议"}{(minutes.MeetingDate is { } d ? $"（{d.Year}年{d.Month}月{d.Day}日）" : "")}，{minutes.SourceName}，议定事项 {minutes.Items.Count} 项";

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
        LooksLikeMinutes = MinutesReader.LooksLikeMinutes(OutlineParser.Parse(_text));
        _sections = await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId && s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(ct);
        SectionOptions = [.. _sections.Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        LeaderOptions = await db.People.AsNoTracking().Where(p => p.UnitId == viewer.UnitId && p.Role == Role.Leader && p.IsActive)
            .Select(p => new SelectListItem(p.Name + "（" + p.Position + "）", p.Id.ToString())).ToListAsync(ct);
        return null;
    }
}
