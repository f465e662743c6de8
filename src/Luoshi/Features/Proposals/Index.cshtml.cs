using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Proposals;

/// <summary>The year's 建议提案办理台账 the viewer may see, with its figures and filters, and its Excel.</summary>
internal sealed class IndexModel(LuoshiDb db, CurrentViewer current, BureauClock clock, Audit.AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public int? Section { get; set; }
    [BindProperty(SupportsGet = true)] public string? Result { get; set; }
    [BindProperty(SupportsGet = true)] public string? Satisfaction { get; set; }

    public List<ProposalRow> Rows { get; private set; } = [];
    public ProposalFigures Figures { get; private set; } = ProposalFigures.Of([]);
    public List<(int Id, string Name)> Sections { get; private set; } = [];
    public bool IsAdmin { get; private set; }
    public int OpinionsWaiting { get; private set; }
    public int ShownYear => Year is >= Bounds.MinYear and <= Bounds.MaxYear ? Year.Value : clock.Today.Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        IsAdmin = viewer.IsAdmin;
        Rows = await ProposalList.LoadAsync(db, viewer, ShownYear, new(Type, State, Section, Result, Satisfaction), clock.Today, ct);
        Figures = ProposalFigures.Of(Rows);
        Sections = [.. (await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId).OrderBy(s => s.SortOrder).Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name))];
        OpinionsWaiting = IsAdmin ? await db.ProposalOpinions.CountAsync(o => o.UnitId == viewer.UnitId && o.SubmittedOn == null, ct) : 0;
        return Page();
    }

    /// <summary>The whole year's ledger (the filters are for reading), with the 统计 sheet.</summary>
    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var bytes = ProposalWorkbook.Write(await ProposalList.LoadAsync(db, viewer, ShownYear, new(), clock.Today, ct));
        await audit.ExportedAsync(viewer, ProposalWorkbook.FileName(ShownYear));
        return File(bytes, ProposalWorkbook.ContentType, ProposalWorkbook.FileName(ShownYear));
    }

    public static string Percent(double? rate) => rate is { } r ? r.ToString("P1", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
