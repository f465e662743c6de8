using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Dashboard;

/// <summary>
/// The dashboard, rendered once and kept for a few seconds per viewer (the page's &lt;cache&gt;): its
/// twenty-odd queries and cards are the same for the same person on the same day until something is
/// written. The key holds the person with role, section and charge, the day and the
/// <see cref="WriteGeneration"/> read before anything is computed, so any write (a report, a decision,
/// a move) shows on the very next view; the page holds no form and no anti-forgery token.
/// </summary>
internal sealed class IndexModel(ReadDb db, CurrentViewer current, BureauClock clock) : PageModel
{
    /// <summary>How long a rendered dashboard is kept at most: the bound for writes that bypass this
    /// process's EF Core (the notices' COPY, another instance).</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromSeconds(5);

    private Viewer _viewer = null!;

    public DateOnly Today => clock.Today;

    public string CacheKey { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        _viewer = await current.RequireAsync(ct);
        var v = _viewer;
        CacheKey = string.Create(CultureInfo.InvariantCulture,
            $"{v.PersonId}|{v.UnitId}|{v.Role}|{v.SectionId}|{string.Join(',', v.ChargedSectionIds)}|{Today:yyyy-MM-dd}|{WriteGeneration.Current}");
    }

    /// <summary>Read only when the kept page is missing or out of date.</summary>
    public Task<DashboardData> LoadAsync() => DashboardQuery.LoadAsync(db, _viewer, Today, HttpContext.RequestAborted);
}
