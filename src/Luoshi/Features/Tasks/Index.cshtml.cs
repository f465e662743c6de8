using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Tasks;

/// <summary>
/// The task list of a desk: filters, sorting and paging in the query string (a link keeps the view),
/// the Excel of what is shown, and for the office the 批量催办 of ticked rows and the 批量改派 of
/// ticked rows (posted to its preview, /Reassign/Selected) or of all of a person's or section's open tasks (/Reassign).
/// </summary>
internal sealed class IndexModel(LuoshiDb db, CurrentViewer current, Audit.AuditLog audit, BureauClock clock, TaskTotals totals) : PageModel
{
    private const int PageSize = 30;

    /// <summary>The export stops here; the sheet says so when the list is longer.</summary>
    public const int ExportCap = 20000;

    [FromQuery] public string? Q { get; set; }
    [FromQuery] public int? Plan { get; set; }
    [FromQuery] public int? Kind { get; set; }
    [FromQuery] public int? Section { get; set; }
    [FromQuery] public int? Leader { get; set; }
    [FromQuery] public int? Person { get; set; }
    [FromQuery] public string? Light { get; set; }
    [FromQuery] public bool Unsigned { get; set; }
    [FromQuery] public DateOnly? DueBefore { get; set; }
    [FromQuery] public string? Sort { get; set; }
    [FromQuery] public bool Desc { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public BureauClock Clock => clock;

    public Light? LightFilter { get; private set; }
    public TaskPage Result { get; private set; } = null!;
    public List<Section> Sections { get; private set; } = [];
    public List<Person> Leaders { get; private set; } = [];
    public List<Person> People { get; private set; } = [];
    public List<(int Id, string Title)> Plans { get; private set; } = [];
    public bool IsAdmin { get; private set; }
    public bool AnyFilter => Q is not null || Plan is not null || Kind is not null || Section is not null || Leader is not null || Person is not null || Light is not null || Unsigned || DueBefore is not null;

    /// <summary>What a bulk action did, shown above the list.</summary>
    public string? Done { get; private set; }
    public List<string> Refusals { get; } = [];
    public List<string> Errors { get; } = [];

    public static readonly IReadOnlyList<(string Key, TaskSort Sort, string Name)> Columns =
    [
        ("due", TaskSort.Due, "完成时限"), ("light", TaskSort.Light, "亮灯"), ("progress", TaskSort.Progress, "进度"),
        ("section", TaskSort.Section, "牵头科室"), ("reported", TaskSort.Reported, "最近报送"),
    ];

    public TaskSort SortBy => Columns.FirstOrDefault(c => c.Key == Sort).Sort;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(await current.RequireAsync(ct), ct);

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var rows = await TaskList.AllAsync(db, viewer, FilterOf(), SortBy, Desc, ExportCap, ct);
        var bytes = TaskWorkbook.Write(rows, ExportCap, clock.ToLocal);
        var name = $"任务清单-{clock.Today:yyyyMMdd}.xlsx";
        // The responsible persons' names: an export of personal data, audited.
        await audit.ExportedAsync(viewer, name);
        return File(bytes, TaskWorkbook.ContentType, name);
    }

    public async Task<IActionResult> OnPostUrgeAsync([FromForm] List<int> ids, [FromForm] string? message, [FromServices] BulkUrge urge, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var outcome = await urge.IssueAsync(viewer, ids, message, ct);
        Response.StatusCode = StatusOf(outcome.Kind);
        if (outcome.Value is { } result)
        {
            Done = $"已催办 {result.Urged} 项任务" + (result.Lines.Count > result.Urged ? $"，{result.Lines.Count - result.Urged} 项未催办：" : "。");
            await RefusalsAsync(result.Lines.Where(l => !l.Urged).Select(l => (l.TaskId, l.Refusal)), ct);
        }
        else
        {
            Errors.AddRange(outcome.Errors?.Values.SelectMany(e => e) ?? [outcome.Message ?? "提交的内容有误"]);
        }

        await LoadAsync(viewer, ct);
        return Page();
    }

    private static int StatusOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
        OutcomeKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status200OK,
    };

    private async Task RefusalsAsync(IEnumerable<(int TaskId, string? Why)> refused, CancellationToken ct)
    {
        var list = refused.ToList();
        var ids = list.Select(r => r.TaskId).ToList();
        var names = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, TaskNames.Of, ct);
        Refusals.AddRange(list.Select(r => $"{names.GetValueOrDefault(r.TaskId, "未找到的任务")}：{r.Why}"));
    }

    private TaskFilter FilterOf()
    {
        LightFilter = LightNames.TryParse(Light, out var light) ? light : null;
        var kind = Kind is { } k && Enum.IsDefined(typeof(WorkKind), k) ? (WorkKind?)k : null;
        return new TaskFilter(Plan, Section, Leader, Person, LightFilter, DueBefore, Q, kind, Unsigned);
    }

    private async Task LoadAsync(Viewer viewer, CancellationToken ct)
    {
        IsAdmin = viewer.IsAdmin;
        Result = await TaskList.PageAsync(db, viewer, FilterOf(), PageNumber, PageSize, ct, SortBy, Desc, totals);
        Sections = await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId && s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.UnitId == viewer.UnitId && p.IsActive).OrderBy(p => p.SectionId).ThenBy(p => p.Id).ToListAsync(ct);
        Leaders = [.. people.Where(p => p.Role == Role.Leader)];
        People = [.. people.Where(p => p.SectionId != null)];
        Plans = [.. (await db.Plans.AsNoTracking().Where(p => p.UnitId == viewer.UnitId).OrderByDescending(p => p.Year).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title))];
    }

    /// <summary>This view's query string with some values changed (null removes one).</summary>
    public string Link(int? page = null, string? sort = null, bool? desc = null, string? handler = null)
    {
        var inv = CultureInfo.InvariantCulture;
        return Request.Path + QueryString.Create(new Dictionary<string, string?>
        {
            ["handler"] = handler,
            ["q"] = Q, ["plan"] = Plan?.ToString(inv), ["kind"] = Kind?.ToString(inv), ["section"] = Section?.ToString(inv),
            ["leader"] = Leader?.ToString(inv), ["person"] = Person?.ToString(inv), ["light"] = Light,
            ["unsigned"] = Unsigned ? "true" : null,
            ["dueBefore"] = DueBefore?.ToString("yyyy-MM-dd", inv),
            ["sort"] = sort ?? Sort, ["desc"] = (desc ?? Desc) ? "true" : null,
            ["page"] = page is > 1 ? page.Value.ToString(inv) : null,
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
    }

    /// <summary>A column heading's link: sorts by it, or reverses it when it is the current sort.</summary>
    public string SortLink(string key) => Link(sort: key, desc: (Sort ?? "due") == key && !Desc);

    public string SortMark(string key) => (Sort ?? "due") == key ? (Desc ? " ↓" : " ↑") : "";
}
