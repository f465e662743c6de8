using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Luoshi.Features.Dashboard;

internal static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dashboard", Get).WithTags("总览").WithSummary("亮灯统计、各科室情况、逾期任务、近14天到期节点");
        return app;
    }

    private static async Task<Ok<DashboardData>> Get(ReadDb db, CurrentViewer current, BureauClock clock, CancellationToken ct) =>
        TypedResults.Ok(await DashboardQuery.LoadAsync(db, await current.RequireAsync(ct), clock.Today, ct));
}
