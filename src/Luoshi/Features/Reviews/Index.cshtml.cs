using System.Globalization;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reviews;

/// <summary>The monthly or quarterly review: figures per section, the breakdown table in Excel and the bulletin in Word.</summary>
internal sealed class IndexModel([FromKeyedServices(Data.ReadDb.Key)] ReviewData data, Data.ReadDb db, CurrentViewer current, BureauClock clock, Audit.AuditLog audit, BulletinIssuer issuer) : PageModel
{
    public BureauClock Clock => clock;

    public sealed record Generated(long Id, string Period, ReviewFileKind Kind, string FileName, DateTime CreatedAt);

    /// <summary>Reviews generated after each month and quarter, as they were circulated (the whole
    /// bureau's, so for the office and the leaders only).</summary>
    public List<Generated> Files { get; private set; } = [];

    public sealed record Issue(long Id, string Number, string Period, DateTime IssuedAt, string? IssuedBy);

    /// <summary>The 督查通报 the office issued, newest first, for the office and the leaders.</summary>
    public List<Issue> Issued { get; private set; } = [];

    /// <summary>The bulletin just issued (after the redirect), to say so at the top.</summary>
    [FromQuery(Name = "issued")] public long? JustIssued { get; set; }

    public Issue? Announced => Issued.FirstOrDefault(i => i.Id == JustIssued);

    /// <summary>Whether the office was asked to confirm issuing a period again.</summary>
    public bool AskAgain => ModelState.TryGetValue(BulletinIssuer.AgainField, out var entry) && entry.Errors.Count > 0;

    [FromQuery(Name = "period")] public string? PeriodText { get; set; }
    [FromQuery(Name = "date")] public string? Date { get; set; }
    [FromQuery(Name = "plan")] public List<int> PlanIds { get; set; } = [];
    [FromQuery(Name = "kind")] public List<Tasks.WorkKind> Kinds { get; set; } = [];
    public Review Review { get; private set; } = null!;

    /// <summary>The period and the choice of plans and kinds as a query string, so the downloads count what the page shows.</summary>
    public string Query
    {
        get
        {
            var parts = new List<string> { $"period={Uri.EscapeDataString(PeriodText ?? "")}" };
            parts.AddRange(Review.CountedPlans.Select(p => $"plan={p}"));
            parts.AddRange(Review.Kinds.Select(k => $"kind={(int)k}"));
            return string.Join("&", parts);
        }
    }

    public List<(string Value, string Text)> Choices { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : BadPeriod();

    public async Task<IActionResult> OnGetFileAsync(long id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var file = MaySeeGenerated(viewer) ? await db.ReviewFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.UnitId == viewer.UnitId, ct) : null;
        if (file is null)
        {
            return NotFound();
        }

        // Tasks with their responsible persons: an export of personal data, audited.
        await audit.ExportedAsync(viewer, file.FileName);
        return File(file.Content, file.Kind == ReviewFileKind.Workbook
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.FileName);
    }

    /// <summary>印发: the office issues the review as shown as the next numbered 督查通报 (see <see cref="BulletinIssuer"/>).</summary>
    public async Task<IActionResult> OnPostIssueAsync([FromForm(Name = "again")] bool again, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return BadPeriod();
        }

        var outcome = await issuer.IssueAsync(Who!, Review.Period, ReviewChoice.From(PlanIds, Kinds), again, ct);
        return this.Show(outcome, b => Redirect($"/Reviews?{Query}&issued={b.Id}"));
    }

    /// <summary>An issued 督查通报, byte for byte as it went out.</summary>
    public async Task<IActionResult> OnGetIssuedAsync(long id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var file = MaySeeGenerated(viewer)
            ? await db.IssuedBulletins.AsNoTracking().Where(b => b.Id == id && b.UnitId == viewer.UnitId).Select(b => new { b.FileName, b.Content }).FirstOrDefaultAsync(ct)
            : null;
        if (file is null)
        {
            return NotFound();
        }

        await audit.ExportedAsync(viewer, file.FileName);
        return File(file.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.FileName);
    }

    private static bool MaySeeGenerated(Viewer viewer) => viewer.Role is Role.Admin or Role.Leader;

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return BadPeriod();
        }

        var name = $"对照盘点-{Review.Period.Label}.xlsx";
        await audit.ExportedAsync(await current.RequireAsync(ct), name);
        return File(ReviewWorkbook.Write(Review), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    /// <summary>The office downloads the 督查通报 as a 送审稿 with its masthead but no number (numbers are
    /// given by 印发 only); everyone else gets an unnumbered paper of what they see (本科室情况 for a
    /// section, 情况汇总 for a leader), so no one but the office can hand round a paper that looks like
    /// the office's bulletin.</summary>
    public async Task<IActionResult> OnGetWordAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return BadPeriod();
        }

        var viewer = await current.RequireAsync(ct);
        const string docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        if (MayIssue(viewer))
        {
            return File(Bulletin.WriteDraft(Review, clock.Today), docx, $"督查通报（送审稿）-{Review.Period.Label}.docx");
        }

        var title = PaperTitle(viewer);
        return File(Bulletin.WriteUnnumbered(Review, title, clock.Today), docx, $"{title}-{Review.Period.Label}.docx");
    }

    public static bool MayIssue(Viewer viewer) => viewer.Role is Role.Admin;

    public static string PaperTitle(Viewer viewer) => viewer.Role is Role.Leader ? "情况汇总" : "本科室情况";

    public Viewer? Who { get; private set; }

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

        var viewer = await current.RequireAsync(ct);
        Who = viewer;
        Review = await data.LoadAsync(viewer, period, ReviewChoice.From(PlanIds, Kinds), ct);
        if (MaySeeGenerated(viewer))
        {
            Files = await db.ReviewFiles.AsNoTracking().Where(f => f.UnitId == viewer.UnitId).OrderByDescending(f => f.Id).Take(24)
                .Select(f => new Generated(f.Id, f.Period, f.Kind, f.FileName, f.CreatedAt)).ToListAsync(ct);
            Issued = [.. (await db.IssuedBulletins.AsNoTracking().Where(b => b.UnitId == viewer.UnitId).OrderByDescending(b => b.Id).Take(50)
                .Select(b => new { b.Id, b.Year, b.Number, b.Period, b.IssuedAt, By = db.People.Where(p => p.Id == b.IssuedById).Select(p => p.Name).FirstOrDefault() })
                .ToListAsync(ct)).Select(b => new Issue(b.Id, IssuedBulletin.Text(b.Year, b.Number), b.Period, b.IssuedAt, b.By))];
        }

        return true;
    }
}
