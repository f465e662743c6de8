using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Features.Dispatch;

/// <summary>The new 交办 as created: the assigner's task id and its parties.</summary>
internal sealed record DispatchCreated(int Id, string Title, IReadOnlyList<DispatchPartyView> Parties);

/// <summary>A party after a step (签收, 退办, 改派, 坚持).</summary>
internal sealed record DispatchPartyDto(int Id, int ReceiverUnitId, bool IsLead, DispatchState State, string StateName, DateOnly ReturnBy, int? ReceivedTaskId)
{
    public static DispatchPartyDto From(DispatchParty p) => new(p.Id, p.UnitId, p.IsLead, p.State, p.State.Chinese(), p.ReturnBy, p.ReceivedTaskId);
}

internal static class DispatchApi
{
    public static IEndpointRouteBuilder MapDispatchApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dispatches").WithTags("交办");
        group.MapGet("/", Assigned).WithSummary("本单位交办下级单位的事项（可按状态、单位筛选）");
        group.MapGet("/received", Received).WithSummary("上级单位交办本单位的事项（办公室）");
        group.MapPost("/", Create).WithSummary("向下级单位交办（办公室）：牵头单位、配合单位、时限、报送周期、目标");
        group.MapGet("/{id:int}", Detail).WithSummary("一项交办：各承办单位的状态，签收后的亮灯、进度、最近报送和督办单");
        group.MapGet("/received/{partyId:int}", ReceivedOne).WithSummary("上级交办的一项：要求和本单位承担的部分");
        group.MapPost("/received/{partyId:int}/sign", Sign).WithSummary("签收（办公室），指定本单位牵头科室");
        group.MapPost("/received/{partyId:int}/return", Return).WithSummary("退办（办公室），须在时限内并写明理由");
        group.MapPost("/parties/{partyId:int}/reassign", Reassign).WithSummary("改派退回的交办给另一下级单位（交办单位办公室）");
        group.MapPost("/parties/{partyId:int}/confirm", Confirm).WithSummary("坚持交办（交办单位办公室），须写明理由");
        return app;
    }

    // Newest first, a page at a time: ?before= the last id of the page before, ?take= 1…500 (100).
    private static async Task<Ok<List<DispatchRow>>> Assigned(DispatchViews views, CurrentViewer current, [FromQuery] DispatchState? state, [FromQuery] int? unit,
        [FromQuery] int? before, [FromQuery] int? take, CancellationToken ct) =>
        TypedResults.Ok(await views.AssignedAsync(await current.RequireAsync(ct), state, unit, ct, before, Math.Clamp(take ?? DispatchViews.PageSize, 1, DispatchViews.MaxPage)));

    private static async Task<Ok<List<ReceivedRow>>> Received(DispatchViews views, CurrentViewer current, [FromQuery] DispatchState? state,
        [FromQuery] int? before, [FromQuery] int? take, CancellationToken ct) =>
        TypedResults.Ok(await views.ReceivedListAsync(await current.RequireAsync(ct), state, ct, before, Math.Clamp(take ?? DispatchViews.PageSize, 1, DispatchViews.MaxPage)));

    private static async Task<Results<Created<DispatchCreated>, ProblemHttpResult, ValidationProblem>> Create(DispatchInput input, Dispatches dispatches, DispatchViews views, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var outcome = await dispatches.CreateAsync(viewer, input, ct);
        var detail = outcome.Value is { } task ? await views.DetailAsync(viewer, task.Id, ct) : null;
        return outcome.ToHttp(t => TypedResults.Created($"/api/dispatches/{t.Id}", new DispatchCreated(t.Id, t.Title, detail?.Parties ?? [])));
    }

    private static async Task<Results<Ok<DispatchDetail>, ProblemHttpResult>> Detail(int id, DispatchViews views, CurrentViewer current, CancellationToken ct) =>
        await views.DetailAsync(await current.RequireAsync(ct), id, ct) is { } detail ? TypedResults.Ok(detail) : ApiResults.NotFound();

    private static async Task<Results<Ok<ReceivedDispatch>, ProblemHttpResult>> ReceivedOne(int partyId, DispatchViews views, CurrentViewer current, CancellationToken ct) =>
        await views.ReceivedAsync(await current.RequireAsync(ct), partyId, ct) is { } one ? TypedResults.Ok(one) : ApiResults.NotFound();

    private static async Task<Results<Ok<DispatchPartyDto>, ProblemHttpResult, ValidationProblem>> Sign(int partyId, SignInput input, Dispatches dispatches, CurrentViewer current, CancellationToken ct) =>
        (await dispatches.SignAsync(await current.RequireAsync(ct), partyId, input, ct)).ToHttp(p => TypedResults.Ok(DispatchPartyDto.From(p)));

    private static async Task<Results<Ok<DispatchPartyDto>, ProblemHttpResult, ValidationProblem>> Return(int partyId, ReturnInput input, Dispatches dispatches, CurrentViewer current, CancellationToken ct) =>
        (await dispatches.ReturnAsync(await current.RequireAsync(ct), partyId, input, ct)).ToHttp(p => TypedResults.Ok(DispatchPartyDto.From(p)));

    private static async Task<Results<Ok<DispatchPartyDto>, ProblemHttpResult, ValidationProblem>> Reassign(int partyId, ReassignInput input, Dispatches dispatches, CurrentViewer current, CancellationToken ct) =>
        (await dispatches.ReassignAsync(await current.RequireAsync(ct), partyId, input, ct)).ToHttp(p => TypedResults.Ok(DispatchPartyDto.From(p)));

    private static async Task<Results<Ok<DispatchPartyDto>, ProblemHttpResult, ValidationProblem>> Confirm(int partyId, ConfirmInput input, Dispatches dispatches, CurrentViewer current, CancellationToken ct) =>
        (await dispatches.ConfirmAsync(await current.RequireAsync(ct), partyId, input, ct)).ToHttp(p => TypedResults.Ok(DispatchPartyDto.From(p)));
}
