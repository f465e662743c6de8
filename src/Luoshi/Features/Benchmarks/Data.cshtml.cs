using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Benchmarks;

internal sealed class ValueInput
{
    [Display(Name = "地区")] public string UnitCode { get; set; } = "";
    [Display(Name = "指标")] public string Variable { get; set; } = "";
    [Display(Name = "年份")] public int Year { get; set; }
    [Display(Name = "数值")] public double? Value { get; set; }
    [Display(Name = "来源")] public string? Source { get; set; }
}

/// <summary>The values of one year, each with its source and who entered it; the office corrects a value here.</summary>
internal sealed class DataModel(LuoshiDb db, ScoreboardStore store, CurrentViewer current, BureauClock clock) : PageModel
{
    private Dictionary<(string, string), string> _provenance = [];

    [FromRoute] public int Id { get; set; }
    [FromQuery(Name = "year")] public int? RequestedYear { get; set; }
    public int Year { get; private set; }
    [BindProperty] public ValueInput Input { get; set; } = new();
    public LoadedScoreboard Board { get; private set; } = null!;
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!viewer.IsAdmin)
        {
            return Forbid();
        }

        if (!Board.Data.Units.Any(u => u.Code == Input.UnitCode) || !Board.Data.Variables.Contains(Input.Variable))
        {
            ModelState.AddModelError("", "单位或指标不存在");
        }

        if (Input.Value is { } v && !double.IsFinite(v))
        {
            ModelState.AddModelError("Input.Value", "请输入有效的数值");
        }

        if (Input.Year is < 1900 or > 2200 && Input.Year != 0)
        {
            ModelState.AddModelError("Input.Year", "年份应在1900到2200之间");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var stored = await db.Set<ScoreboardValue>().FirstOrDefaultAsync(x => x.ScoreboardId == Id && x.UnitId == viewer.UnitId
            && x.UnitCode == Input.UnitCode && x.Variable == Input.Variable && x.Year == Input.Year, ct);
        if (Input.Value is not { } value)
        {
            if (stored is not null)
            {
                db.Remove(stored);
            }
        }
        else
        {
            stored ??= db.Add(new ScoreboardValue { UnitId = viewer.UnitId, ScoreboardId = Id, UnitCode = Input.UnitCode, Variable = Input.Variable, Year = Input.Year }).Entity;
            stored.Value = value;
            stored.Source = Input.Source.OrNull() ?? "手工录入";
            stored.EnteredById = viewer.PersonId;
            stored.EnteredAt = clock.UtcNow;
        }

        await db.SaveChangesAsync(ct);
        TempData["Notice"] = "已保存";
        return Redirect($"/Benchmarks/{Id}/Data?year={Input.Year}");
    }

    public string Label(string code) => Board.NodeName(code);

    public string Provenance(string unit, string variable) => _provenance.GetValueOrDefault((unit, variable), "");

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        IsAdmin = viewer.IsAdmin;
        if (await store.LoadAsync(viewer.UnitId, Id, ct) is not { } board)
        {
            return false;
        }

        Board = board;
        Years = board.Data.Years;
        Year = RequestedYear is { } y && board.Data.HasYear(y) ? y : board.Data.LatestYear;
        var people = await db.People.AsNoTracking().Where(p => p.UnitId == viewer.UnitId).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var year = Year;
        _provenance = (await db.Set<ScoreboardValue>().AsNoTracking().Where(x => x.ScoreboardId == Id && x.Year == year)
                .Select(x => new { x.UnitCode, x.Variable, x.Source, x.EnteredById, x.EnteredAt }).ToListAsync(ct))
            .ToDictionary(x => (x.UnitCode, x.Variable), x => $"{x.Source}；{people.GetValueOrDefault(x.EnteredById)} 录入于 {clock.ToLocal(x.EnteredAt):yyyy-MM-dd HH:mm}");
        return true;
    }
}
