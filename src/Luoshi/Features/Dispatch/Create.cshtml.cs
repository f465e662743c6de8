using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Dispatch;

/// <summary>The office of a unit with units below it assigns a 交办: a lead unit, cooperating units, the
/// deadline, the reporting cadence, the target and its own section that follows it up.</summary>
internal sealed class CreateModel(LuoshiDb db, Dispatches dispatches, CurrentViewer current, BureauClock clock) : PageModel
{
    // The task editor names the assigner's task's fields; the form names them as a 交办's.
    private static readonly Dictionary<string, string> TaskFields = new() { ["LeadSectionId"] = nameof(DispatchInput.FollowUpSectionId) };

    [BindProperty]
    public DispatchInput Input { get; set; } = new();

    public List<SelectListItem> UnitOptions { get; private set; } = [];
    public List<SelectListItem> SectionOptions { get; private set; } = [];

    public string ReturnDaysText => $"{dispatches.ReturnWithinDays}个工作日";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.RequireAsync(ct)).IsAdmin)
        {
            return Forbid();
        }

        Input.DueDate = clock.Today.AddMonths(3);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await dispatches.CreateAsync(viewer, Input, ct);
        var errors = outcome.Errors?.ToDictionary(e => TaskFields.GetValueOrDefault(e.Key, e.Key), e => e.Value);
        return this.Show(outcome with { Errors = errors }, t =>
        {
            TempData["Notice"] = "已交办，已通知承办单位办公室签收";
            return Redirect($"/Dispatch/{t.Id}");
        }, "Input.");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var tree = await UnitTree.LoadAsync(db, ct);
        // Indented by depth, so a district's bureaus read as below their district.
        UnitOptions = [.. tree.Descendants(viewer.UnitId).Select(b => new SelectListItem(new string('　', b.Depth - 1) + b.Unit.Name, b.Unit.Id.ToString(CultureInfo.InvariantCulture)))];
        SectionOptions = await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId && s.IsActive).OrderBy(s => s.SortOrder)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(ct);
    }
}
