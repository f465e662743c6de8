using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Record;

/// <summary>One full re-check of the unit's record: waiting, how far it has come, what it found. The
/// page reloads itself until the check ends.</summary>
[Authorize(Policy = AdminOnly.Policy)]
internal sealed class RecordCheckModel(LuoshiDb db, CurrentViewer current, BureauClock clock) : PageModel
{
    /// <summary>Seconds between reloads while the check waits or runs.</summary>
    public const int RefreshSeconds = 3;

    public RecordCheck Check { get; private set; } = null!;

    public string Local(DateTime? utc) => utc is { } at ? clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "";

    public int Percent => Check.Total == 0 ? (Check.Finished ? 100 : 0) : (int)(Check.Done * 100 / Check.Total);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        // Another unit's check is as good as absent.
        if (await db.Set<RecordCheck>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.UnitId == viewer.UnitId, ct) is not { } check)
        {
            return NotFound();
        }

        Check = check;
        return Page();
    }
}
