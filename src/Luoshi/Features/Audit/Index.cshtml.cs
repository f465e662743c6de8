using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Audit;

/// <summary>The audit log, for the auditor only (the folder's policy): filters, pages, Excel.</summary>
internal sealed class IndexModel(LuoshiDb db, CurrentViewer current, BureauClock clock, AuditLog audit) : PageModel
{
    [FromQuery] public DateOnly? From { get; set; }
    [FromQuery] public DateOnly? To { get; set; }
    [FromQuery] public AuditKind? Kind { get; set; }
    [FromQuery] public string? Who { get; set; }
    [FromQuery] public string? Address { get; set; }
    [FromQuery(Name = "p")] public int Number { get; set; } = 1;

    public AuditPage Entries { get; private set; } = new([], 0, 1, AuditQuery.PageSize);
    public BureauClock Clock => clock;

    public int Pages => Math.Max(1, (Entries.Total + AuditQuery.PageSize - 1) / AuditQuery.PageSize);

    private AuditFilter Filter => new() { From = From, To = To, Kind = Kind, Who = Cut(Who, 50), Address = Cut(Address, 64), Page = Math.Clamp(Number, 1, 100000) };

    public async Task OnGetAsync(CancellationToken ct) =>
        Entries = await AuditQuery.PageAsync(db, await current.RequireAsync(ct), Filter, clock, ct);

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var rows = await AuditQuery.ExportRowsAsync(db, viewer, Filter, clock, ct);
        var name = AuditWorkbook.FileName(clock);
        await audit.ExportedAsync(viewer, name);
        return File(AuditWorkbook.Write(rows, clock), AuditWorkbook.ContentType, name);
    }

    /// <summary>The same filters, for the pager and the export links.</summary>
    public string Query(int? page = null, string? handler = null)
    {
        var q = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                q.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("handler", handler);
        Add("from", Ui.Date(From));
        Add("to", Ui.Date(To));
        Add("kind", Kind?.ToString());
        Add("who", Who);
        Add("address", Address);
        Add("p", page?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/Audit" + (q.Count > 0 ? "?" + string.Join("&", q) : "");
    }

    private static string? Cut(string? text, int max) => text.OrNull() is { } t && t.Length > max ? t[..max] : text.OrNull();
}
