using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Study;

/// <summary>Recording a session: for the office, and for a section head the groups his or her section organises.</summary>
internal sealed class SessionModel(LuoshiDb db, StudyEditor editor, CurrentViewer current, BureauClock clock) : PageModel
{
    private static readonly string[] Fields =
        [nameof(SessionInput.GroupId), nameof(SessionInput.Date), nameof(SessionInput.Form), nameof(SessionInput.Hours), nameof(SessionInput.Topic),
         nameof(SessionInput.Materials), nameof(SessionInput.Effect), nameof(SessionInput.AttendeeIds)];

    [FromQuery(Name = "plan")] public int PlanId { get; set; }
    [BindProperty] public SessionInput Input { get; set; } = new();
    public List<(int Id, string Name, List<(int Id, string Name)> Members)> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.Date = clock.Today;
        Input.Hours = 2;
        return await LoadAsync(ct) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            ModelState.KeepVisible("Input.", "", Fields);
            return Page();
        }

        var outcome = await editor.RecordAsync(await current.RequireAsync(ct), Input, ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = $"已登记学习，{outcome.Value!.Attendance.Count} 人参加" + (outcome.Value.Missing is { } missing ? $"；四落实缺{missing}" : "");
        }

        var shown = this.Show(outcome, _ => RedirectToPage("/Study/Sessions", new { plan = PlanId }), "Input.");
        ModelState.KeepVisible("Input.", "", Fields);
        return shown;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var groups = await db.StudyGroups.AsNoTracking().Where(g => g.UnitId == viewer.UnitId && g.PlanId == PlanId)
            .Select(g => new { g.Id, g.Name, g.SectionId, Members = g.Members.Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { p.Id, p.Name }).ToList() })
            .ToListAsync(ct);
        Groups = [.. groups.Where(g => StudyAccess.Manages(viewer, g.SectionId)).Select(g => (g.Id, g.Name, g.Members.Select(m => (m.Id, m.Name)).ToList()))];
        return Groups.Count > 0;
    }
}
