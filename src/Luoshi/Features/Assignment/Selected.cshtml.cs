using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Assignment;

/// <summary>
/// 批量改派 of the tasks ticked on the task list: the list posts here, the office sees which tasks
/// move from whom to whom and which are left and why, and 确认改派 moves exactly that set. After the
/// move the page shows the batch by its key (a reload asks nothing twice).
/// </summary>
internal sealed class SelectedModel(LuoshiDb db, SelectedReassign reassign, CurrentViewer current) : PageModel
{
    [BindProperty] public List<int> Ids { get; set; } = [];
    [BindProperty] public int? ToSectionId { get; set; }
    [BindProperty] public int? ToPersonId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid? BatchKey { get; set; }
    [BindProperty] public string? Fingerprint { get; set; }

    /// <summary>The task list to go back to, as the office left it.</summary>
    [BindProperty(SupportsGet = true)] public string? Back { get; set; }

    public SelectedResult? Result { get; private set; }

    /// <summary>Said above a preview shown again because the set changed.</summary>
    public string? Changed { get; private set; }

    public string BackLink => Back is { Length: > 0 and <= 1000 } b && b.StartsWith("/Tasks", StringComparison.Ordinal) && !b.StartsWith("//", StringComparison.Ordinal) ? b : "/Tasks";

    public async Task<IActionResult> OnGetAsync(Guid? batch, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!viewer.IsAdmin)
        {
            return this.Show(Outcome<bool>.Forbidden("批量改派由办公室办理"), _ => Page());
        }

        if (batch is not { } key)
        {
            return Redirect("/Tasks");
        }

        Result = await reassign.DoneAsync(viewer.UnitId, key, new SelectedInput([], null, null, null), await Roster.LoadAsync(db, viewer.UnitId, ct), ct);
        return Result is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        var outcome = await reassign.PreviewAsync(await current.RequireAsync(ct), Input, ct);
        return this.Show(outcome, r =>
        {
            Result = r;
            Keep(r);
            return Page();
        });
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var outcome = await reassign.ApplyAsync(viewer, Input, ct);
        if (outcome.Kind == OutcomeKind.Conflict && (await reassign.PreviewAsync(viewer, Input with { BatchKey = null, Fingerprint = null }, ct)).Value is { } fresh)
        {
            // The set changed since the preview: the new preview, to be confirmed again.
            Changed = outcome.Message;
            Result = fresh;
            Keep(fresh);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return this.Show(outcome, r =>
        {
            TempData["Notice"] = r.Repeated ? $"这批改派此前已完成（{r.Moving}项），没有重复改派" : $"已改派{r.Moving}项任务至{r.ToText}，新的牵头科室须重新签收";
            return Redirect($"/Reassign/Selected?batch={BatchKey}&back={Uri.EscapeDataString(BackLink)}");
        });
    }

    private SelectedInput Input => new(Ids, ToSectionId, ToPersonId, Reason, BatchKey, Fingerprint);

    /// <summary>The confirm carries the moving tasks only, a fresh batch key and the preview's fingerprint.</summary>
    private void Keep(SelectedResult r)
    {
        ModelState.Clear();
        Ids = [.. r.Lines.Where(l => l.Moves).Select(l => l.TaskId)];
        BatchKey = Guid.NewGuid();
        Fingerprint = r.Fingerprint;
    }
}
