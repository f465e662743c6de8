using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Luoshi.Features.Recheck;

internal static class RecheckApi
{
    public static IEndpointRouteBuilder MapRecheckApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rechecks").WithTags("回头看");
        group.MapGet("/", List).WithSummary("回头看列表（办公室、局领导）");
        group.MapPost("/", Schedule).WithSummary("对已办结的任务安排回头看（办公室）");
        group.MapPost("/{id:int}/conclusion", Conclude).WithSummary("作出回头看结论：通过或未通过（办公室）");
        return app;
    }

    private static async Task<Results<Ok<List<RecheckDto>>, ProblemHttpResult>> List(LuoshiDb db, CurrentViewer current, RecheckResult? result = null, CancellationToken ct = default)
    {
        var viewer = await current.RequireAsync(ct);
        if (!Rechecks.MayList(viewer))
        {
            return TypedResults.Problem(title: "无权进行此操作", detail: "回头看列表仅办公室和局领导可以查看", statusCode: StatusCodes.Status403Forbidden);
        }

        return TypedResults.Ok(await RecheckList.ForAsync(db, viewer, result, ct));
    }

    private static async Task<Results<Created<RecheckDto>, ProblemHttpResult, ValidationProblem>> Schedule(RecheckInput input, Rechecks rechecks, LuoshiDb db, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var outcome = await rechecks.ScheduleAsync(viewer, input, ct);
        var dto = outcome.Value is { } r ? await OneAsync(db, viewer, r.Id, ct) : null;
        return outcome.ToHttp(r => TypedResults.Created($"/api/rechecks/{r.Id}", dto!));
    }

    private static async Task<Results<Ok<RecheckDto>, ProblemHttpResult, ValidationProblem>> Conclude(int id, RecheckConclusionInput input, Rechecks rechecks, LuoshiDb db, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var outcome = await rechecks.ConcludeAsync(viewer, id, input, ct);
        var dto = outcome.Value is { } r ? await OneAsync(db, viewer, r.Id, ct) : null;
        return outcome.ToHttp(_ => TypedResults.Ok(dto!));
    }

    private static async Task<RecheckDto?> OneAsync(LuoshiDb db, Viewer viewer, int id, CancellationToken ct) =>
        (await RecheckList.ForAsync(db, viewer, null, ct)).FirstOrDefault(r => r.Id == id);
}
