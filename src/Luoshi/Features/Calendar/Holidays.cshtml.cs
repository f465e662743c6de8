using System.ComponentModel.DataAnnotations;
using System.Text;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Calendar;

/// <summary>The unit's holiday calendar: edit a day, import a year, export. Every change queues the
/// recomputing of every deadline and light of the unit (<see cref="CalendarRescheduleJob"/>): the
/// request only saves the days, and the page shows the run's progress until it ends.</summary>
[Authorize(Policy = AdminOnly.Policy)]
internal sealed class HolidaysModel(LuoshiDb db, WorkingCalendars calendars, CurrentViewer current, BureauClock clock, TimeProvider time) : PageModel
{
    /// <summary>Seconds between reloads while the reschedule waits or runs.</summary>
    public const int RefreshSeconds = 3;

    private const long MaxImportBytes = 1 << 20;

    [FromQuery] public int? Year { get; set; }
    public List<CalendarDay> Days { get; private set; } = [];
    public int WorkingDays { get; private set; }

    /// <summary>The unit's latest reschedule after a calendar edit: shown while it waits or runs.</summary>
    public CalendarReschedule? Reschedule { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.UnitId == viewer.UnitId).ToListAsync(ct);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(HolidayCsv.Write(days))).ToArray(), "text/csv; charset=utf-8", "节假日.csv");
    }

    public async Task<IActionResult> OnPostAddAsync([Display(Name = "日期")] DateOnly? date, [Display(Name = "类型")] DayKind kind, string? name, CancellationToken ct)
    {
        if (date is null || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("date", "请填写有效的日期和类型");
            await LoadAsync(ct);
            return Page();
        }

        return await SaveAsync([(date.Value, kind, name.OrNull() ?? (kind == DayKind.Holiday ? "节假日" : "调休上班"))], $"已保存 {Ui.Date(date)}", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync([Display(Name = "日期")] DateOnly date, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        await db.CalendarDays.Where(d => d.UnitId == viewer.UnitId && d.Date == date).ExecuteDeleteAsync(ct);
        await AfterChangeAsync(viewer.UnitId, ct);
        TempData["Notice"] = $"已删除 {Ui.Date(date)}，恢复为普通{(date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "休息日" : "工作日")}";
        return Redirect($"?year={date.Year}");
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0 || file.Length > MaxImportBytes)
        {
            ModelState.AddModelError("file", "请选择不超过1 MB的CSV文件");
            await LoadAsync(ct);
            return Page();
        }

        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        var (days, errors) = HolidayCsv.Parse(reader);
        foreach (var e in errors.Take(20))
        {
            ModelState.AddModelError("file", $"第{e.Row}行“{e.Column}”：{e.Message}");
        }

        if (errors.Count > 0 || days.Count == 0)
        {
            if (days.Count == 0 && errors.Count == 0)
            {
                ModelState.AddModelError("file", "文件中没有任何日期");
            }

            await LoadAsync(ct);
            return Page();
        }

        return await SaveAsync(days, $"已导入{days.Count}天", ct);
    }

    private async Task<IActionResult> SaveAsync(List<(DateOnly Date, DayKind Kind, string Name)> days, string notice, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var dates = days.Select(d => d.Date).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.CalendarDays.Where(d => d.UnitId == viewer.UnitId && dates.Contains(d.Date)).ExecuteDeleteAsync(ct);
            db.CalendarDays.AddRange(days.Select(d => new CalendarDay { UnitId = viewer.UnitId, Date = d.Date, Kind = d.Kind, Name = d.Name }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        await AfterChangeAsync(viewer.UnitId, ct);
        TempData["Notice"] = notice;
        return Redirect($"?year={days[0].Date.Year}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        Year ??= clock.Today.Year;
        var from = new DateOnly(Year.Value, 1, 1);
        var to = new DateOnly(Year.Value, 12, 31);
        Days = await db.CalendarDays.AsNoTracking().Where(d => d.UnitId == viewer.UnitId && d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(ct);
        WorkingDays = (await calendars.ForUnitAsync(db, viewer.UnitId, ct)).CountWorkingDays(from, to);
        Reschedule = await CalendarReschedules.LatestAsync(db, viewer.UnitId, ct);
    }

    /// <summary>New deadlines use the new calendar at once (the cache is dropped); the open tasks are rescheduled in the background.</summary>
    private async Task AfterChangeAsync(int unitId, CancellationToken ct)
    {
        calendars.Invalidate(unitId);
        await CalendarReschedules.QueueAsync(db, unitId, time.GetUtcNow().UtcDateTime, ct);
    }
}
