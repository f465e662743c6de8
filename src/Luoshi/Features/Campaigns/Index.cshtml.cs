using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
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

        // Rows left without a name are not phases: their fields are not checked, and the rows stay on
        // the form as they were.
        var named = Input.Phases.Select((p, i) => (p, i)).Where(x => !string.IsNullOrWhiteSpace(x.p.Name)).ToList();
        foreach (var (_, i) in Input.Phases.Select((p, i) => (p, i)).Where(x => string.IsNullOrWhiteSpace(x.p.Name)))
        {
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith($"Input.Phases[{i}].", StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
            }
        }

        if (ModelState.IsValid)
        {
            var outcome = await reports.CreateAsync(await current.RequireAsync(ct), new CampaignInput { Title = Input.Title, Phases = [.. named.Select(x => x.p)] }, ct);
            var shown = Shared.PageResults.Show(this, outcome, c => RedirectToPage("/Campaigns/Detail", new { id = c.Id }), "Input.");
            if (shown is not PageResult)
            {
                return shown;
            }
        }

        ModelState.KeepVisible("Input.", "", nameof(CampaignInput.Title), nameof(CampaignInput.Phases), "Phases[].Name", "Phases[].Start", "Phases[].End");
        return Page();
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
