using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Reports;

/// <summary>The report form. Files are checked before anything is stored, and uploads that the
/// report then does not take are removed again, so a refused report leaves nothing behind.</summary>
internal sealed class ReportModel(
    LuoshiDb db, TaskEditor editor, ReportSubmitter submitter, EvidenceFiles files, WorkingCalendars calendars,
    CurrentViewer current, BureauClock clock, IOptions<EvidenceOptions> evidenceOptions) : PageModel
{
    [BindProperty] public ReportInput Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public WorkTask Task { get; private set; } = null!;
    public bool AsLead { get; private set; }
    public string PeriodText { get; private set; } = "";
    public List<SelectListItem> PeriodOptions { get; private set; } = [];
    public List<SelectListItem> Corrections { get; private set; } = [];
    public long MaxMegabytes => evidenceOptions.Value.MaxBytes / 1024 / 1024;

    /// <summary>Reports of the viewer's section on this task that were returned and wait to be redone.</summary>
    public List<OutstandingReturn> Returned { get; private set; } = [];

    /// <summary><paramref name="period"/>: a day of the period to report for, as the 待重报 link gives it.</summary>
    public async Task<IActionResult> OnGetAsync(int id, DateOnly? period, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var key = period?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (key is not null && PeriodOptions.Any(o => o.Value == key))
        {
            Input.PeriodDate = period;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var viewer = await current.RequireAsync(ct);
        if (Files.Count > evidenceOptions.Value.MaxFilesPerReport)
        {
            ModelState.AddModelError("Files", $"每次最多上传{evidenceOptions.Value.MaxFilesPerReport}个文件");
        }

        var contents = new List<(IFormFile File, byte[] Bytes)>();
        foreach (var file in Files.Take(evidenceOptions.Value.MaxFilesPerReport))
        {
            if (file.Length > evidenceOptions.Value.MaxBytes)
            {
                ModelState.AddModelError("Files", $"文件“{file.FileName}”超过了 {MaxMegabytes} MB 的上限");
                continue;
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            if (files.Check(file.FileName, bytes) is { } problem)
            {
                ModelState.AddModelError("Files", problem);
            }

            contents.Add((file, bytes));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var uploads = new List<Evidence>();
        foreach (var (file, bytes) in contents)
        {
            var upload = await files.UploadAsync(viewer, file.FileName, new MemoryStream(bytes), bytes.Length, ct);
            uploads.Add(upload.Value!);
        }

        Input.EvidenceIds = [.. uploads.Select(u => u.Id)];
        var outcome = await submitter.SubmitFromRequestAsync(viewer, id, Input, ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            await files.DiscardAsync(uploads, ct);
        }

        return this.Show(outcome, r =>
        {
            TempData["Notice"] = r.IsLate ? "已报送（超过报送时限，记为逾期报送）" : "已报送";
            return Redirect($"/Tasks/{id}");
        }, "Input.");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var task = await editor.FindVisibleAsync(viewer, id, ct);
        if (task is null)
        {
            return NotFound();
        }

        var rights = await viewer.RightsOnAsync(db, task, ct);
        if (!rights.CanReport)
        {
            return Forbid();
        }

        Task = task;
        AsLead = rights.ReportAsLead;
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == task.PlanId, ct);
        var calendar = await calendars.ForUnitAsync(db, viewer.UnitId, ct);
        var today = clock.Today;
        var period = ReportSubmitter.DefaultPeriod(plan, task, AsLead, today, calendar);
        PeriodText = $"{period.Label(plan.Cadence)}，{Ui.Date(period.Due)} 截止" + (today > period.OnTimeUntil ? "（已过报送时限，将记为逾期报送）" : "");
        PeriodOptions = Periods(plan, task, period, today, calendar);
        var section = rights.ReportAsLead ? task.LeadSectionId : rights.ReportPartSectionId;
        Returned = await ReturnedReports.Outstanding(db, viewer.UnitId).Where(x => x.TaskId == id && x.SectionId == section).OrderBy(x => x.PeriodStart).ToListAsync(ct);
        Corrections = await db.Reports.AsNoTracking().Where(r => r.TaskId == id && r.SectionId == section).OrderByDescending(r => r.Id).Take(12)
            .Select(r => new SelectListItem(r.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 起的报告（#" + r.Id + "）", r.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct);
        return null;
    }

    /// <summary>The default period first, then the others since the task began, newest first.</summary>
    private static List<SelectListItem> Periods(Plan plan, WorkTask task, ReportPeriod chosen, DateOnly today, WorkingCalendar calendar)
    {
        static string Key(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var options = new List<SelectListItem> { new(chosen.Label(plan.Cadence), Key(chosen.Start)) };
        var all = new List<ReportPeriod>();
        for (var p = ReportPeriods.Containing(plan, task.StartDate, calendar); p.Start <= today && all.Count < 60; p = ReportPeriods.After(plan, p, calendar))
        {
            all.Add(p);
        }

        options.AddRange(all.Where(p => p.Start != chosen.Start).Reverse().Select(p => new SelectListItem(p.Label(plan.Cadence), Key(p.Start))));
        return options;
    }
}
