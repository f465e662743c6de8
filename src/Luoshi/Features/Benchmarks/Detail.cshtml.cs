using Luoshi.Benchmarking;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Benchmarks;

/// <summary>Results of a scoreboard: ranks, the city's gaps to the benchmark, what it takes to reach
/// rank k, and gaps turned into tasks.</summary>
internal sealed class DetailModel(LuoshiDb db, ScoreboardStore store, GapTasks gapTasks, CurrentViewer current, BureauClock clock) : PageModel
{
    private ILookup<string, TaskRow> _tasks = Array.Empty<TaskRow>().ToLookup(t => "");

    [FromRoute] public int Id { get; set; }
    [BindProperty] public GapTaskInput Input { get; set; } = new();
    [FromQuery(Name = "rank")] public int? TargetRank { get; set; }
    [FromQuery(Name = "on")] public List<string> On { get; set; } = [];

    /// <summary>Let targets pass the best value a peer has reached (still never negative, ≤ 100 %).</summary>
    [FromQuery(Name = "beyond")] public bool Beyond { get; set; }

    public LoadedScoreboard Board { get; private set; } = null!;
    public IndexResult Result { get; private set; } = null!;
    public IReadOnlyList<IndicatorGap> Gaps { get; private set; } = [];
    public RankTargetResult? Target { get; private set; }
    public IReadOnlyList<IndicatorImpact> Impacts { get; private set; } = [];
    public bool IsAdmin { get; private set; }
    public DateOnly DefaultDue => new(clock.Today.Year, 12, 31);
    public List<SelectListItem> PlanOptions { get; private set; } = [];
    public List<SelectListItem> SectionOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Impacts = [.. Sensitivity.Rank(Board.Framework, Board.Data, new IndexOptions(), Board.Board.OwnCode).Take(8)];
        if (TargetRank is { } k && k >= 1)
        {
            var indicators = On.Count > 0 ? On.Where(Board.Framework.Contains).ToList() : [.. Board.Framework.Indicators.Select(i => i.Code)];
            Target = indicators.Count == 0 ? null : RankTarget.Find(Board.Framework, Board.Data, new IndexOptions(), Board.Board.OwnCode, indicators, k, beyondObserved: Beyond);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        await LoadAsync(ct)
            ? File(ResultsWorkbook.Write(Board, Result), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{Board.Board.Name}-对标结果.xlsx")
            : NotFound();

    public async Task<IActionResult> OnPostTasksAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var outcome = await gapTasks.CreateAsync(await current.RequireAsync(ct), Board, Input, ct);
        return this.Show(outcome, created =>
        {
            TempData["Notice"] = $"已建立 {created.Count} 项对标任务";
            return Redirect($"/Benchmarks/{Id}");
        }, "Input.");
    }

    public string NameOf(string code) => Board.UnitName(code);

    public IEnumerable<TaskRow> TasksOf(string indicator) => _tasks[indicator];

    public static string StageText(GapStage? stage) => stage switch
    {
        GapStage.BelowBenchmark => "对标：落后于标杆",
        GapStage.ReachedBenchmark => "达标",
        GapStage.LeadsPeers => "夺标：领先",
        GapStage.BestOnRecord => "创标：历史最好",
        _ => "无数据",
    };

    public static string StageCss(GapStage? stage) => stage switch
    {
        GapStage.BelowBenchmark => "yellow",
        GapStage.ReachedBenchmark => "green",
        GapStage.LeadsPeers or GapStage.BestOnRecord => "done",
        _ => "notstarted",
    };

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        IsAdmin = viewer.IsAdmin;
        if (await store.LoadAsync(viewer.UnitId, Id, ct) is not { } board)
        {
            return false;
        }

        Board = board;
        Result = CompositeIndex.Compute(board.Framework, board.Data);
        Gaps = GapAnalysis.Compute(Result, board.Board.OwnCode, board.Board.BenchmarkCode);
        _tasks = await IndicatorTaskLinks.LoadAsync(db, viewer, Id, ct);
        PlanOptions = await db.Plans.AsNoTracking().Where(p => p.UnitId == viewer.UnitId && !p.IsArchived).OrderByDescending(p => p.Year)
            .Select(p => new SelectListItem(p.Title, p.Id.ToString())).ToListAsync(ct);
        SectionOptions = await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId && s.IsActive).OrderBy(s => s.SortOrder)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(ct);
        return true;
    }
}
