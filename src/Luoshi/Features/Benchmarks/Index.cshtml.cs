using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Benchmarks;

internal sealed class IndexModel(LuoshiDb db, ScoreboardStore store, CurrentViewer current, BureauClock clock, HeavyInputGate gate) : PageModel
{
    public BureauClock Clock => clock;
    public List<Scoreboard> Boards { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    [BindProperty, Display(Name = "名称")] public string? Name { get; set; }
    [BindProperty, Display(Name = "本市代码")] public string? OwnCode { get; set; }
    [BindProperty, Display(Name = "标杆代码")] public string? BenchmarkCode { get; set; }

    private const long MaxFileBytes = 20 * 1024 * 1024;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? meta, IFormFile? data, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (meta is null || data is null || meta.Length == 0 || data.Length == 0)
        {
            ModelState.AddModelError("", "请选择指标体系文件和数据文件");
            return Page();
        }

        // A framework or a peer-city table is kilobytes to a few megabytes; a larger upload is refused
        // before it is read (the library also stops at its row bound while reading).
        if (meta.Length > MaxFileBytes || data.Length > MaxFileBytes)
        {
            ModelState.AddModelError("", $"文件超过 {MaxFileBytes / 1024 / 1024} MB，不是指标体系或对标数据应有的大小；请检查后再导入");
            return Page();
        }

        using var turn = await gate.EnterAsync(ct);
        if (turn is null)
        {
            ModelState.AddModelError("", HeavyInputGate.Busy);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        await using var metaStream = meta.OpenReadStream();
        await using var dataStream = data.OpenReadStream();
        var outcome = await store.ImportAsync(await current.RequireAsync(ct), Name ?? "", OwnCode ?? "", BenchmarkCode ?? "", (metaStream, meta.FileName), (dataStream, data.FileName), ct);
        return this.Show(outcome, b =>
        {
            TempData["Notice"] = $"已导入“{b.Name}”";
            return Redirect($"/Benchmarks/{b.Id}");
        });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        IsAdmin = viewer.IsAdmin;
        Boards = await db.Scoreboards.AsNoTracking().Where(b => b.UnitId == viewer.UnitId).OrderByDescending(b => b.CreatedAt).ToListAsync(ct);
    }
}
