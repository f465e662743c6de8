using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Study;

/// <summary>The office sets up a year's study plan and its groups (up to three at a time, as the
/// documents name them: 党组中心组, 党支部, 全体干部职工). Rows left without a name are not groups.</summary>
internal sealed partial class PlanModel(LuoshiDb db, StudyEditor editor, CurrentViewer current, BureauClock clock) : PageModel
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

        // Rows left without a name are not groups: their fields are not checked, and the rows stay on
        // the form as they were, so a message about the third row stands beside the third row.
        var named = Input.Groups.Select((g, i) => (g, i)).Where(x => !string.IsNullOrWhiteSpace(x.g.Name)).ToList();
        foreach (var (_, i) in Input.Groups.Select((g, i) => (g, i)).Where(x => string.IsNullOrWhiteSpace(x.g.Name)))
        {
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith($"Input.Groups[{i}].", StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
            }
        }

        if (ModelState.IsValid)
        {
            var plan = new PlanInput { Year = Input.Year, Title = Input.Title, Groups = [.. named.Select(x => x.g)] };
            var outcome = await editor.CreatePlanAsync(await current.RequireAsync(ct), plan, ct);
            var errors = outcome.Errors?.ToDictionary(e => RowOf(e.Key, named.Select(x => x.i).ToList()), e => e.Value);
            var shown = this.Show(outcome with { Errors = errors }, p => Redirect($"/Study?plan={p.Id}"), "Input.");
            if (shown is not PageResult)
            {
                return shown;
            }
        }

        ModelState.KeepVisible("Input.", "", nameof(PlanInput.Title), nameof(PlanInput.Year), nameof(PlanInput.Groups),
            "Groups[].Name", "Groups[].Kind", "Groups[].SectionId", "Groups[].RequiredSessions", "Groups[].RequiredHours", "Groups[].MemberIds");
        return Page();
    }

    /// <summary>The form's row of a message about the k-th named group.</summary>
    private static string RowOf(string key, List<int> rows)
    {
        var match = GroupRow().Match(key);
        return match.Success && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var k && k < rows.Count
            ? $"Groups[{rows[k]}]" + key[match.Length..]
            : key;
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

    [System.Text.RegularExpressions.GeneratedRegex(@"^Groups\[(\d+)\]")]
    private static partial System.Text.RegularExpressions.Regex GroupRow();
}
