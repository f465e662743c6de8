using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Research;

internal sealed class DetailModel(LuoshiDb db, ResearchDesk desk, ResearchFiles files, CurrentViewer current, BureauClock clock) : PageModel
{
    public TopicDto Topic { get; private set; } = null!;
    public bool IsLeadSection { get; private set; }
    public bool Decides { get; private set; }
    public bool IsAdmin { get; private set; }
    public DateOnly Today => clock.Today;
    public List<SelectListItem> PlanOptions { get; private set; } = [];
    public List<SelectListItem> SectionOptions { get; private set; } = [];

    /// <summary>The finding whose task form was refused, so its form opens again with the messages.</summary>
    public int? OpenFinding { get; private set; }

    [BindProperty] public VisitInput Visit { get; set; } = new();
    [BindProperty] public IFormFile? VisitFile { get; set; }
    [BindProperty] public ReportInput Report { get; set; } = new();
    [BindProperty] public IFormFile? ReportFile { get; set; }
    [BindProperty] public DecisionInput Decision { get; set; } = new();
    [BindProperty] public string? FindingsText { get; set; }
    [BindProperty] public FindingTaskInput Made { get; set; } = new();

    public ReportDto? Latest => Topic.Reports.LastOrDefault();
    public bool MaySubmit => IsLeadSection && Topic.ClosedAt is null && Latest?.Status is null or "已退回";
    public bool MayDecide => Decides && Latest?.Status == "待审阅";
    public bool Accepted => Topic.Reports.Any(r => r.Status == "已通过");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetFileAsync(int id, long? visit, int? version, CancellationToken ct)
    {
        var opened = await ResearchDetail.OpenAsync(db, files, await current.RequireAsync(ct), id, visit, version, ct);
        return opened switch
        {
            null => NotFound(),
            { Bytes: { } bytes } o => File(bytes, o.File.ContentType!, o.File.FileName),
            _ => StatusCode(StatusCodes.Status410Gone),
        };
    }

    public async Task<IActionResult> OnPostVisitAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await desk.AddVisitAsync(await current.RequireAsync(ct), id, Visit, VisitFile, ct), "已记录调研走访", "Visit.", ct);

    public async Task<IActionResult> OnPostReportAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await desk.SubmitReportAsync(await current.RequireAsync(ct), id, Report, ReportFile, ct), "已提交调研报告", "Report.", ct);

    public async Task<IActionResult> OnPostDecideAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await desk.DecideAsync(await current.RequireAsync(ct), id, Decision, ct), Decision.Accept == true ? "调研报告已审定通过" : "调研报告已退回修改", "Decision.", ct);

    public async Task<IActionResult> OnPostFindingsAsync(int id, CancellationToken ct)
    {
        var items = (FindingsText ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var outcome = await desk.AddFindingsAsync(await current.RequireAsync(ct), id, new FindingsInput { Items = items }, ct);
        return await AfterAsync(id, outcome, "已登记调研成果", "", ct, field => field == nameof(FindingsInput.Items) ? nameof(FindingsText) : field);
    }

    public async Task<IActionResult> OnPostTaskAsync(int id, int number, CancellationToken ct)
    {
        OpenFinding = number;
        return await AfterAsync(id, await desk.MakeTaskAsync(await current.RequireAsync(ct), id, number, Made, ct), $"第{number}条成果已转为任务", "Made.", ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await desk.CloseAsync(await current.RequireAsync(ct), id, ct), "课题已办结", "", ct, _ => "");

    private async Task<IActionResult> AfterAsync<T>(int id, Outcome<T> outcome, string done, string prefix, CancellationToken ct, Func<string, string>? fieldOf = null)
    {
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = done;
            return Redirect($"/Research/{id}");
        }

        // The desk checks every field itself (for the API too): its messages replace the binder's.
        ModelState.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return this.Show(outcome, _ => Page(), fieldOf ?? (field => prefix + field));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (await ResearchDetail.LoadAsync(db, viewer, id, ct) is not { } topic)
        {
            return false;
        }

        Topic = topic;
        var task = new WorkTask { Title = topic.Title, UnitId = viewer.UnitId, LeadSectionId = topic.LeadSectionId, LeadLeaderId = topic.LeadLeaderId };
        IsLeadSection = ResearchAccess.IsLeadSection(viewer, task);
        Decides = ResearchAccess.Decides(viewer, task);
        IsAdmin = viewer.IsAdmin;
        Visit.VisitedOn ??= clock.Today;
        Decision.Version = Latest?.Version ?? 0;
        if (IsAdmin)
        {
            PlanOptions = await db.Plans.Where(p => p.UnitId == viewer.UnitId && p.Year == clock.Today.Year && !p.IsArchived && (p.LedgerKind == null || p.LedgerKind == WorkKind.Research))
                .OrderBy(p => p.LedgerKind != null).ThenBy(p => p.Id).Select(p => new SelectListItem(p.Title, p.Id.ToString())).ToListAsync(ct);
            SectionOptions = await db.Sections.Where(s => s.UnitId == viewer.UnitId && s.IsActive).OrderBy(s => s.SortOrder)
                .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(ct);
        }

        return true;
    }
}
