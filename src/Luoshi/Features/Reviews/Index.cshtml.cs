using System.Globalization;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Reviews;

/// <summary>The monthly or quarterly review: figures per section, the breakdown table in Excel and the bulletin in Word.</summary>
internal sealed class IndexModel(ReviewData data, CurrentViewer current, BureauClock clock) : PageModel
{
    [FromQuery(Name = "period")] public string? PeriodText { get; set; }
    [FromQuery(Name = "date")] public string? Date { get; set; }
    public Review Review { get; private set; } = null!;

    public List<(string Value, string Text)> Choices { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : BadPeriod();

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? File(ReviewWorkbook.Write(Review), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"对照盘点-{Review.Period.Label}.xlsx") : BadPeriod();

    public async Task<IActionResult> OnGetWordAsync(CancellationToken ct) =>
        await LoadAsync(ct)
            ? File(Bulletin.Write(Review, Review.Period.DocumentNumber, clock.Today), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"督查通报-{Review.Period.Label}.docx")
            : BadPeriod();

    private BadRequestObjectResult BadPeriod() => BadRequest("盘点期间应写作 2026-10（月）、2026-Q3（季度）或 2026-10-15（截至某日）");

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var today = clock.Today;
        if (!string.IsNullOrEmpty(Date))
        {
            PeriodText = Date;
        }

        PeriodText ??= today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        for (var m = today.Month; m >= 1; m--)
        {
            Choices.Add(($"{today.Year}-{m:D2}", $"{today.Year}年{m}月"));
        }

        for (var q = (today.Month + 2) / 3; q >= 1; q--)
        {
            Choices.Add(($"{today.Year}-Q{q}", $"{today.Year}年第{"一二三四"[q - 1]}季度"));
        }

        if (ReviewPeriod.Parse(PeriodText) is not { } period)
        {
            return false;
        }

        Review = await data.LoadAsync(await current.RequireAsync(ct), period, ct);
        return true;
    }
}
