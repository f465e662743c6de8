using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Dashboard;

internal sealed class IndexModel(LuoshiDb db, CurrentViewer current, BureauClock clock) : PageModel
{
    public DashboardData Data { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Data = await DashboardQuery.LoadAsync(db, await current.RequireAsync(ct), clock.Today, ct);
}
