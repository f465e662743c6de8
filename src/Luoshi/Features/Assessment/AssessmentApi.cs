using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Luoshi.Features.Assessment;

internal sealed record SchemeDto(int Id, string Name, DateOnly PeriodStart, DateOnly PeriodEnd, bool IsLocked);

/// <summary><paramref name="ComputedAt"/>: when the result was computed (UTC); <paramref name="Recomputing"/>: its inputs changed since and a newer one is on its way.</summary>
internal sealed record ResultsDto(SchemeDto Scheme, DateOnly AsOf, DateTime ComputedAt, bool Recomputing, IReadOnlyList<Score> Sections, IReadOnlyList<Score> People, IReadOnlyList<AdjustmentLine> Adjustments, IReadOnlyList<AwardLine> Awards);

/// <summary>A quality grade as the API shows it: the row without its unit and scheme.</summary>
internal sealed record GradeDto(long Id, int TaskId, string Grade, int GivenById, DateTime GivenAt);

internal static class AssessmentApi
{
    public static IEndpointRouteBuilder MapAssessmentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assessments").WithTags("考核");
        group.MapGet("/", List).WithSummary("考核方案");
        group.MapPost("/", Create).WithSummary("制定考核方案（办公室）");
        group.MapGet("/{id:int}/results", Results).WithSummary("考核结果：科室和个人排名，每项扣分及原因");
        group.MapPost("/{id:int}/adjustments", AddAdjustment).WithSummary("加分（正数）或扣分（负数），须写理由（办公室或局领导）");
        group.MapPost("/{id:int}/grades", GiveGrade).WithSummary("评定任务质量等次（办公室或牵头领导）");
        group.MapPost("/{id:int}/recompute", Recompute).WithSummary("立即重新计算考核结果（办公室；排队，稍后完成）");
        group.MapPost("/{id:int}/lock", Lock).WithSummary("锁定考核（办公室，考核期间结束后）");
        return app;
    }

    private static SchemeDto Dto(AssessmentScheme s) => new(s.Id, s.Name, s.PeriodStart, s.PeriodEnd, s.IsLocked);

    private static async Task<Ok<List<SchemeDto>>> List(AssessmentData data, CurrentViewer current, CancellationToken ct) =>
        TypedResults.Ok((await data.ListAsync(await current.RequireAsync(ct), ct)).Select(Dto).ToList());

    private static async Task<Results<Created<SchemeDto>, ProblemHttpResult, ValidationProblem>> Create(SchemeInput input, AssessmentEditor editor, CurrentViewer current, CancellationToken ct) =>
        (await editor.CreateSchemeAsync(await current.RequireAsync(ct), input, ct)).ToHttp(s => TypedResults.Created($"/api/assessments/{s.Id}/results", Dto(s)));

    private static async Task<Results<Ok<ResultsDto>, ProblemHttpResult>> Results(int id, AssessmentData data, StoredResults results, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (await data.FindAsync(viewer, id, ct) is not { } scheme)
        {
            return ApiResults.NotFound();
        }

        var state = await results.ReadAsync(scheme, ct);
        var view = await data.ViewAsync(viewer, scheme, state, ct);
        return TypedResults.Ok(new ResultsDto(Dto(scheme), view.Result.AsOf, state.ComputedAt, state.Recomputing, view.Result.Sections, view.Result.People, view.Adjustments, view.Awards));
    }

    private static async Task<Results<Created<AdjustmentEntry>, ProblemHttpResult, ValidationProblem>> AddAdjustment(int id, AdjustmentInput input, AssessmentEditor editor, CurrentViewer current, CancellationToken ct) =>
        (await editor.AddAdjustmentAsync(await current.RequireAsync(ct), id, input, ct)).ToHttp(a => TypedResults.Created($"/api/assessments/{id}/results", AdjustmentEntry.From(a)));

    private static async Task<Results<Created<GradeDto>, ProblemHttpResult, ValidationProblem>> GiveGrade(int id, GradeInput input, AssessmentEditor editor, CurrentViewer current, CancellationToken ct) =>
        (await editor.GiveGradeAsync(await current.RequireAsync(ct), id, input, ct)).ToHttp(g => TypedResults.Created($"/api/assessments/{id}/results", new GradeDto(g.Id, g.TaskId, g.Grade, g.GivenById, g.GivenAt)));

    private static async Task<Results<Accepted<SchemeDto>, ProblemHttpResult, ValidationProblem>> Recompute(int id, AssessmentEditor editor, CurrentViewer current, CancellationToken ct) =>
        (await editor.RequestRecomputeAsync(await current.RequireAsync(ct), id, ct)).ToHttp(s => TypedResults.Accepted($"/api/assessments/{id}/results", Dto(s)));

    private static async Task<Results<Ok<SchemeDto>, ProblemHttpResult, ValidationProblem>> Lock(int id, AssessmentEditor editor, CurrentViewer current, CancellationToken ct) =>
        (await editor.LockAsync(await current.RequireAsync(ct), id, ct)).ToHttp(s => TypedResults.Ok(Dto(s)));
}
