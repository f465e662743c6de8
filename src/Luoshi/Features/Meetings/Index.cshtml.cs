using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Meetings;

internal sealed class IndexModel(LuoshiDb db, CurrentViewer current, BureauClock clock) : PageModel
{
    public List<MeetingRow> Rows { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        IsAdmin = viewer.IsAdmin;
        Rows = await MeetingList.LoadAsync(db, viewer, clock.Today, ct);
    }
}
