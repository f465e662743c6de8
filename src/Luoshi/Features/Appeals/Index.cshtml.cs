using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Appeals;

/// <summary>The appeals the viewer may see, the month's figures, and registration by the office.</summary>
internal sealed class IndexModel(LuoshiDb db, CurrentViewer current, AppealDesk appeals, BureauClock clock) : PageModel
{
    public List<AppealRow> Rows { get; private set; } = [];
    public AppealMonth? Month { get; private set; }
    public bool IsAdmin { get; private set; }
    public List<(int Id, string Name)> Sections { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? M { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The registration as typed, shown again when it is refused.</summary>
    public AppealInput Typed { get; private set; } = new("", "", null, null);

    public async Task<IActionResult> OnPostAsync(string? content, string? category, string? submitterName, string? contact, int? leadSectionId, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        Typed = new AppealInput(content ?? "", category ?? "", submitterName, contact, leadSectionId);
        var outcome = await appeals.IntakeAsync(viewer.UnitId, viewer, Typed, ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = $"已登记诉求，回执号 {outcome.Value!.Receipt}";
            return Redirect($"/Appeals/{outcome.Value!.TaskId}");
        }

        // The rules' messages replace the binder's (a section that is not a number).
        ModelState.Clear();
        await LoadAsync(ct);
        var shown = this.Show(outcome, _ => Page());
        ModelState.KeepVisible("", "", nameof(AppealInput.Content), nameof(AppealInput.Category), nameof(AppealInput.SubmitterName), nameof(AppealInput.Contact),
            nameof(AppealInput.LeadSectionId));
        return shown;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        IsAdmin = viewer.IsAdmin;
        var today = clock.Today;
        if (!AppealsApi.TryMonth(M, today, out var year, out var month))
        {
            (year, month) = (today.Year, today.Month);
        }

        Rows = await AppealsApi.Rows(db, viewer).AsNoTracking().Take(200).ToListAsync(ct);
        Month = await AppealStatistics.ForMonthAsync(db, viewer, year, month, today, ct);
        Sections = [.. (await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId).OrderBy(s => s.SortOrder).Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name))];
    }
}
