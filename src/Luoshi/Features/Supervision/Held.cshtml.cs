using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Supervision;

/// <summary>待确认督办单: the office sees what a mass 督办 would issue, by section, and sends it or puts it off.</summary>
internal sealed class HeldModel(HeldSheets held, CurrentViewer current) : PageModel
{
    public List<HeldBySection> Sections { get; private set; } = [];

    public int Total => Sections.Sum(s => s.Count);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!viewer.IsAdmin)
        {
            return Forbid();
        }

        Sections = await held.BySectionAsync(viewer.UnitId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) =>
        await AnswerAsync(await held.ConfirmAsync(await current.RequireAsync(ct), ct), n => $"已确认发出 {n} 份督办单", "/Supervision/Register", ct);

    public async Task<IActionResult> OnPostDeferAsync(CancellationToken ct) =>
        await AnswerAsync(await held.DeferAsync(await current.RequireAsync(ct), ct), n => $"已暂缓 {n} 份督办单，下一个工作日再提请确认", "/Desk", ct);

    private async Task<IActionResult> AnswerAsync(Outcome<int> outcome, Func<int, string> done, string then, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            // Posted twice (a double click, a second tab): the first post did the work.
            TempData["Notice"] = outcome.Message;
            return Redirect("/Supervision/Register");
        }

        if (outcome.Kind != OutcomeKind.Ok)
        {
            Sections = await held.BySectionAsync((await current.RequireAsync(ct)).UnitId, ct);
        }

        return this.Show(outcome, n =>
        {
            TempData["Notice"] = done(n);
            return Redirect(then);
        });
    }
}
