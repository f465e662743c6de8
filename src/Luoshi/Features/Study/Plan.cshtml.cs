using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Study;

/// <summary>The office sets up a year's study plan and its groups (up to three at a time, as the
/// documents name them: 党组中心组, 党支部, 全体干部职工). Rows left without a name are not groups.</summary>
internal sealed class PlanModel(LuoshiDb db, StudyEditor editor, CurrentViewer current, BureauClock clock) : PageModel
{
    public const int Rows = 3;

    [BindProperty] public PlanInput Input { get; set; } = new();
    public List<Section> Sections { get; private set; } = [];
    public List<Person> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.Year = clock.Today.Year;
        Input.Title = $"{clock.Today.Year}年理论学习计划";
        Input.Groups =
        [
            new() { Name = "党组理论学习中心组", Kind = StudyGroupKind.CentralGroup, RequiredSessions = 12, RequiredHours = 40 },
            new() { Name = "机关党支部", Kind = StudyGroupKind.PartyBranch, RequiredSessions = 12, RequiredHours = 32 },
            new() { Name = "全体干部职工", Kind = StudyGroupKind.AllStaff, RequiredSessions = 4, RequiredHours = 20 },
        ];
        return await LoadAsync(ct) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        Input.Groups = [.. Input.Groups.Where(g => !string.IsNullOrWhiteSpace(g.Name))];
        var outcome = await editor.CreatePlanAsync(await current.RequireAsync(ct), Input, ct);
        return this.Show(outcome, p => Redirect($"/Study?plan={p.Id}"), "Input.");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!viewer.IsAdmin)
        {
            return false;
        }

        while (Input.Groups.Count < Rows)
        {
            Input.Groups.Add(new());
        }

        Sections = await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId && s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(ct);
        People = await db.People.AsNoTracking().Where(p => p.UnitId == viewer.UnitId && p.IsActive).OrderBy(p => p.SectionId).ThenBy(p => p.Id).ToListAsync(ct);
        return true;
    }
}
