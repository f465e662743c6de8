using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Meetings;

internal sealed class CreateModel(LuoshiDb db, MeetingDesk desk, CurrentViewer current, HeavyInputGate gate, BureauClock clock) : PageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? MinutesFile { get; set; }

    public DateOnly Today => clock.Today;
    public bool Imported { get; private set; }
    public List<SelectListItem> SectionOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await current.RequireAsync(ct)).IsAdmin)
        {
            return Forbid();
        }

        Input.HeldOn = clock.Today;
        Input.Decisions = [new() { Number = 1 }, new() { Number = 2 }];
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>One more row, the rest kept as typed (works without script, at any width).</summary>
    public async Task<IActionResult> OnPostAddRowAsync(CancellationToken ct)
    {
        if (!(await current.RequireAsync(ct)).IsAdmin)
        {
            return Forbid();
        }

        ModelState.Clear();
        if (Input.Decisions.Count < MeetingDesk.MaxDecisions)
        {
            Input.Decisions.Add(new() { Number = Input.Decisions.Count == 0 ? 1 : Input.Decisions.Max(d => d.Number) + 1 });
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!viewer.IsAdmin)
        {
            return Forbid();
        }

        ModelState.Clear();
        await LoadAsync(ct);
        if (MinutesFile is null)
        {
            ModelState.AddModelError("file", "请选择会议纪要文件");
            return Page();
        }

        using var turn = await gate.EnterAsync(ct);
        if (turn is null)
        {
            ModelState.AddModelError("file", HeavyInputGate.Busy);
            return Page();
        }

        var sections = await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId && s.IsActive).ToListAsync(ct);
        await using var stream = MinutesFile.OpenReadStream();
        var read = MinutesImport.Read(MinutesFile.FileName, stream, MinutesFile.Length, sections, clock.Today);
        if (read.Value is not { } input)
        {
            foreach (var message in read.Errors?.SelectMany(e => e.Value) ?? [read.Message ?? "无法读取该文件"])
            {
                ModelState.AddModelError("file", message);
            }

            return Page();
        }

        Input = input;
        Imported = true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The desk checks every field itself (for the API too): its messages replace the binder's.
        ModelState.Clear();
        var outcome = await desk.CreateAsync(await current.RequireAsync(ct), Input, ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = "已登记会议议定事项";
            return Redirect($"/Meetings/{outcome.Value!.Id}");
        }

        var shown = this.Show(outcome, _ => Page(), "Input.");
        await LoadAsync(ct);
        return shown;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        SectionOptions = await PickLists.SectionsAsync(db, viewer.UnitId, ct);
    }
}
