using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Luoshi.Features.Rectification;

internal sealed record ProblemDto(int Id, int Number, string Title, string Category, int LeaderId);

internal sealed record MeasureDto(int TaskId, int ProblemId, string Title, DateOnly DueDate);

internal static class RectificationApi
{
    public static IEndpointRouteBuilder MapRectificationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("问题整改");
        group.MapGet("/opinions", Opinions).WithSummary("意见建议清单（办公室、局领导）");
        group.MapPost("/opinions", EnterOpinion).WithSummary("录入座谈会或征求意见表收集的意见建议（办公室）");
        group.MapGet("/problems", Problems).WithSummary("问题清单及其整改措施");
        group.MapPost("/problems", CreateProblem).WithSummary("把意见建议归并为一个问题（办公室）");
        group.MapPost("/problems/{id:int}/measures", AddMeasure).WithSummary("为问题制定整改措施（办公室），即一项整改类任务");
        return app;
    }

    private static async Task<Results<Ok<List<OpinionRow>>, ProblemHttpResult>> Opinions(LuoshiDb db, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        return Rectifications.SeesLists(viewer)
            ? TypedResults.Ok(await RectificationList.OpinionsAsync(db, viewer.UnitId, ct))
            : TypedResults.Problem("意见建议清单只有办公室和局领导可以查看", statusCode: StatusCodes.Status403Forbidden, title: "无权进行此操作");
    }

    private static async Task<Results<Created<OpinionRow>, ProblemHttpResult, ValidationProblem>> EnterOpinion(OpinionInput input, Rectifications rectifications, CurrentViewer current, CancellationToken ct) =>
        (await rectifications.EnterOpinionAsync(await current.RequireAsync(ct), input, ct))
            .ToHttp(o => TypedResults.Created("/api/opinions", new OpinionRow(o.Id, o.Receipt, o.Source, o.Content, o.SubmitterName, o.Contact, o.ReceivedAt, null, null)));

    private static async Task<Ok<List<ProblemRow>>> Problems(LuoshiDb db, CurrentViewer current, CancellationToken ct) =>
        TypedResults.Ok(await RectificationList.ProblemsAsync(db, await current.RequireAsync(ct), ct));

    private static async Task<Results<Created<ProblemDto>, ProblemHttpResult, ValidationProblem>> CreateProblem(ProblemInput input, Rectifications rectifications, CurrentViewer current, CancellationToken ct) =>
        (await rectifications.CreateProblemAsync(await current.RequireAsync(ct), input, ct))
            .ToHttp(p => TypedResults.Created($"/api/problems/{p.Id}", new ProblemDto(p.Id, p.SortOrder, p.Title, p.Category, p.LeaderId)));

    private static async Task<Results<Created<MeasureDto>, ProblemHttpResult, ValidationProblem>> AddMeasure(int id, MeasureInput input, Rectifications rectifications, CurrentViewer current, CancellationToken ct) =>
        (await rectifications.AddMeasureAsync(await current.RequireAsync(ct), id, input, ct))
            .ToHttp(t => TypedResults.Created($"/api/tasks/{t.Id}", new MeasureDto(t.Id, id, t.Title, t.DueDate)));
}
