using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Campaigns;

internal sealed class IndexModel(LuoshiDb db, CampaignReports reports, CurrentViewer current) : PageModel
{
    public List<CampaignDto> Campaigns { get; private set; } = [];
    public bool IsAdmin { get; private set; }
    [BindProperty] public CampaignInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.Phases = [.. Input.Phases.Where(p => !string.IsNullOrWhiteSpace(p.Name))];
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await reports.CreateAsync(await current.RequireAsync(ct), Input, ct);
        return Shared.PageResults.Show(this, outcome, c => RedirectToPage("/Campaigns/Detail", new { id = c.Id }), "Input.");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        IsAdmin = viewer.IsAdmin;
        Campaigns = await db.Campaigns.AsNoTracking().Where(c => c.UnitId == viewer.UnitId).OrderByDescending(c => c.Id)
            .Select(c => new CampaignDto(c.Id, c.Title, c.Phases.OrderBy(p => p.SortOrder).Select(p => new PhaseDto(p.Id, p.Name, p.Start, p.End)).ToList())).ToListAsync(ct);
        while (Input.Phases.Count < 4)
        {
            Input.Phases.Add(new PhaseInput());
        }
    }
}
