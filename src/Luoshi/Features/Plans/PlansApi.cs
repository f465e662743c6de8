using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Plans;

internal sealed record PlanDto(int Id, string Title, int Year, string? DocumentNumber, string? Description, ReportCadence Cadence, int ReportDueOffsetDays, int ReportGraceDays, int RemindDaysBefore, int SuperviseAfterDays, int SignWithinDays, bool IsArchived, int ReturnWithinDays, DateOnly SupervisedFrom)
{
    public static PlanDto From(Plan p) => new(p.Id, p.Title, p.Year, p.DocumentNumber, p.Description, p.Cadence, p.ReportDueOffsetDays, p.ReportGraceDays, p.RemindDaysBefore, p.SuperviseAfterDays, p.SignWithinDays, p.IsArchived, p.ReturnWithinDays, p.SupervisedFrom);
}

internal static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/plans").WithTags("计划");
        plans.MapGet("/", List).WithSummary("本单位的计划");
        plans.MapGet("/{id:int}", Get).WithSummary("计划详情");
        plans.MapPost("/", Create).WithSummary("新建计划（办公室）");
        plans.MapPut("/{id:int}", Update).WithSummary("修改计划（办公室）");
        return app;
    }

    private static async Task<Ok<List<PlanDto>>> List(LuoshiDb db, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var plans = await db.Plans.AsNoTracking().Where(p => p.UnitId == viewer.UnitId).OrderByDescending(p => p.Year).ThenBy(p => p.Id).ToListAsync(ct);
        return TypedResults.Ok(plans.Select(PlanDto.From).ToList());
    }

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> Get(int id, LuoshiDb db, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.UnitId == viewer.UnitId, ct);
        return plan is null ? ApiResults.NotFound() : TypedResults.Ok(PlanDto.From(plan));
    }

    private static async Task<Results<Created<PlanDto>, ProblemHttpResult, ValidationProblem>> Create(PlanInput input, PlanEditor editor, CurrentViewer current, CancellationToken ct) =>
        (await editor.SaveAsync(await current.RequireAsync(ct), null, input, ct)).ToHttp(p => TypedResults.Created($"/api/plans/{p.Id}", PlanDto.From(p)));

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult, ValidationProblem>> Update(int id, PlanInput input, PlanEditor editor, CurrentViewer current, CancellationToken ct) =>
        (await editor.SaveAsync(await current.RequireAsync(ct), id, input, ct)).ToHttp(p => TypedResults.Ok(PlanDto.From(p)));
}
