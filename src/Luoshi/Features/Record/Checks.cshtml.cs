using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Record;

/// <summary>One full re-check of the unit's record (without a number: the latest): waiting, how far it
/// has come, what it found. The page reloads itself until the check ends.</summary>
[Authorize(Policy = AdminOnly.Policy)]
internal sealed class RecordCheckModel(LuoshiDb db, CurrentViewer current, BureauClock clock) : PageModel
{
    /// <summary>Seconds between reloads while the check waits or runs.</summary>
    public const int RefreshSeconds = 3;

    /// <summary>Null when the unit has never queued one (the address without a number).</summary>
    public RecordCheck? Check { get; private set; }

    /// <summary>When the check was queued, started, finished, in the bureau's time as prose writes it.</summary>
    public string Local(DateTime? utc) => utc is { } at ? DeskDates.Formal(clock.ToLocal(at)) : "";

    public int Percent => Check is not { } c ? 0 : c.Total == 0 ? (c.Finished ? 100 : 0) : (int)(c.Done * 100 / c.Total);

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var checks = db.Set<RecordCheck>().AsNoTracking().Where(c => c.UnitId == viewer.UnitId);
        Check = await (id is { } one ? checks.Where(c => c.Id == one) : checks.OrderByDescending(c => c.Id)).FirstOrDefaultAsync(ct);
        // Another unit's check is as good as absent.
        return Check is null && id is not null ? NotFound() : Page();
    }
}
