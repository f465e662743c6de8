using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Publication;

/// <summary>The next edition exactly as it would be published now, and the button that publishes it.</summary>
internal sealed class PreviewModel(LuoshiDb db, PublicationDesk desk, CurrentViewer current, BureauClock clock) : PageModel
{
    [BindProperty]
    public PublishInput Input { get; set; } = new();

    public int Unit { get; private set; }
    public EditionView Edition { get; private set; } = null!;
    public List<WaitingCommitment> Waiting { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!viewer.IsAdmin)
        {
            return Forbid();
        }

        await LoadAsync(viewer, ct);
        Input.ExpectedNumber = Edition.Number;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        ModelState.Clear();
        var outcome = await desk.PublishAsync(viewer, Input, ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = $"已发布第{outcome.Value!.Number}期公开承诺";
            return Redirect("/Publication");
        }

        var shown = this.Show(outcome, _ => Page(), "Input.");
        ModelState.KeepVisible("Input.", "", nameof(PublishInput.Note));
        if (viewer.IsAdmin)
        {
            await LoadAsync(viewer, ct);
            // After a refusal the form offers the number as it now stands.
            ModelState.Remove("Input.ExpectedNumber");
            Input.ExpectedNumber = Edition.Number;
        }

        return shown;
    }

    private async Task LoadAsync(Viewer viewer, CancellationToken ct)
    {
        Unit = viewer.UnitId;
        var draft = await PublicationDraft.BuildAsync(db, viewer.UnitId, ct);
        Waiting = draft.Waiting;
        var unit = await PublicEditions.UnitNameAsync(db, viewer.UnitId, ct) ?? "";
        Edition = new EditionView(unit, await PublicationDraft.NextNumberAsync(db, viewer.UnitId, ct), clock.Today, null, draft.Items, draft.Items, true);
    }
}
