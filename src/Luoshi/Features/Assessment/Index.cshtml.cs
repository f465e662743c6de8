using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Assessment;

/// <summary>The unit's assessment schemes; the office makes a new one here.</summary>
internal sealed class IndexModel(AssessmentData data, AssessmentEditor editor, CurrentViewer current, BureauClock clock) : PageModel
{
    [BindProperty] public SchemeInput Input { get; set; } = new();
    public List<AssessmentScheme> Schemes { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var year = clock.Today.Year;
        Input = new() { Name = $"{year}年度重点工作考核", PeriodStart = new(year, 1, 1), PeriodEnd = new(year, 12, 31) };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await editor.CreateSchemeAsync(await current.RequireAsync(ct), Input, ct);
        await LoadAsync(ct);
        return this.Show(outcome, s => RedirectToPage("/Assessment/Detail", new { id = s.Id }), "Input.");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        IsAdmin = viewer.IsAdmin;
        Schemes = await data.ListAsync(viewer, ct);
    }
}
