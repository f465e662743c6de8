using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Directives;

internal sealed class DetailModel(LuoshiDb db, DirectiveDesk desk, CurrentViewer current, BureauClock clock) : PageModel
{
    public DirectiveDto Item { get; private set; } = null!;
    public bool MayReport { get; private set; }
    public bool MayRespond { get; private set; }
    public DateOnly Today => clock.Today;

    [BindProperty] public HandlingReportInput Report { get; set; } = new();
    [BindProperty] public LeaderResponseInput Answer { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReportAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await desk.ReportAsync(await current.RequireAsync(ct), id, Report, ct), "已报送办理情况", "Report.", ct);

    public async Task<IActionResult> OnPostRespondAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await desk.RespondAsync(await current.RequireAsync(ct), id, Answer, ct),
            Answer.Response == DirectiveDesk.Again ? "已登记再次批示" : "已登记领导意见：同意办结", "Answer.", ct);

    private async Task<IActionResult> AfterAsync<T>(int id, Outcome<T> outcome, string done, string prefix, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = done;
            return Redirect($"/Directives/{id}");
        }

        // The desk checks every field itself (for the API too): its messages replace the binder's.
        ModelState.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return this.Show(outcome, _ => Page(), prefix);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (await DirectiveList.FindAsync(db, viewer, id, ct) is not { } item)
        {
            return false;
        }

        Item = item;
        var reported = item.Reports.Any(r => r.Round == item.Round);
        MayReport = !item.Closed && !reported && viewer.Role is Role.Staff or Role.SectionHead
            && await DirectiveAccess.IsLeadSectionAsync(db, viewer, id, ct);
        MayRespond = viewer.IsAdmin && !item.Closed && item.Reports.Any(r => r.Response is null);
        Report.Round = item.Round;
        Answer.Round = item.Round;
        Answer.RespondedOn ??= clock.Today;
        return true;
    }
}
