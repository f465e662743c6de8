using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Luoshi.Features.Assignment;

/// <summary>批量改派: choose whose open tasks move where, see the count and the list, then confirm.</summary>
internal sealed class BulkModel(LuoshiDb db, BulkReassign bulk, CurrentViewer current) : PageModel
{
    [BindProperty]
    public BulkInput Input { get; set; } = new();

    public BulkResult? Result { get; private set; }
    public Roster Roster { get; private set; } = null!;
    public List<SelectListItem> Sections { get; private set; } = [];
    public List<SelectListItem> People { get; private set; } = [];

    /// <summary>From the task list filtered to a person or a section: that one chosen as whose tasks move.</summary>
    public async Task<IActionResult> OnGetAsync(int? fromPerson, int? fromSection, CancellationToken ct)
    {
        (Input.FromPersonId, Input.FromSectionId) = (fromPerson, fromPerson is null ? fromSection : null);
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await bulk.PreviewAsync(await current.RequireAsync(ct), Input, ct);
        return this.Show(outcome, r =>
        {
            Result = r;
            // A fresh key for this preview: confirming it twice moves the tasks once.
            Input.BatchKey = Guid.NewGuid();
            Input.ExpectedCount = r.Tasks.Count;
            ModelState.Clear();
            return Page();
        }, "Input.");
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await bulk.ApplyAsync(await current.RequireAsync(ct), Input, ct);
        return this.Show(outcome, r =>
        {
            TempData["Notice"] = r.Repeated ? $"这批改派此前已完成（{r.Tasks.Count}项），没有重复改派" : $"已改派{r.Tasks.Count}项任务，新的牵头科室须重新签收";
            return Redirect("/Reassign");
        }, "Input.");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!viewer.IsAdmin)
        {
            return Forbid();
        }

        Roster = await Roster.LoadAsync(db, viewer.UnitId, ct);
        static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Sections = [new SelectListItem("（请选择）", ""), .. Roster.Sections.Select(s => new SelectListItem(s.Value, Key(s.Key)))];
        People = [new SelectListItem("（请选择）", ""), .. Roster.People.Values.Where(p => p.SectionId is not null && p.Role is Role.Staff or Role.SectionHead)
            .OrderBy(p => p.SectionId).ThenBy(p => p.Name)
            .Select(p => new SelectListItem($"{p.Name}（{Roster.Section(p.SectionId!.Value)}）{(p.IsActive ? "" : "，已停用")}", Key(p.Id)))];
        return null;
    }
}
