using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Recheck;

/// <summary>The 回头看 forms of one task, posted from the task page; a refused form is shown here again
/// with its messages.</summary>
internal sealed class ForTaskModel(TaskEditor editor, Rechecks rechecks, RecheckPanel panel, CurrentViewer current) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public RecheckInput Schedule { get; set; } = new();
    [BindProperty] public RecheckConclusionInput Conclusion { get; set; } = new();

    public WorkTask Task { get; private set; } = null!;
    public RecheckPanelModel? Panel { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScheduleAsync(CancellationToken ct)
    {
        Schedule.TaskId = Id;
        var outcome = await rechecks.ScheduleAsync(await current.RequireAsync(ct), Schedule, ct);
        return await AfterAsync(outcome, "已安排回头看", "Schedule.", ct);
    }

    public async Task<IActionResult> OnPostConcludeAsync(int recheckId, CancellationToken ct)
    {
        var outcome = await rechecks.ConcludeAsync(await current.RequireAsync(ct), recheckId, Conclusion, ct);
        return await AfterAsync(outcome, Conclusion.Passed ? "回头看结论：通过" : "回头看结论：未通过，原任务已重新打开", "Conclude.", ct);
    }

    private async Task<IActionResult> AfterAsync(Outcome<ScheduledRecheck> outcome, string notice, string prefix, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = notice;
            return Redirect($"/Tasks/{Id}");
        }

        ModelState.Clear();
        return await LoadAsync(ct) ? this.Show(outcome, _ => Page(), prefix) : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (await editor.FindVisibleAsync(viewer, Id, ct) is not { } task)
        {
            return false;
        }

        Task = task;
        Panel = await panel.BuildAsync(viewer, task, ct);
        return true;
    }
}
