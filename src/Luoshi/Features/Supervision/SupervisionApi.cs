using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Supervision;

internal sealed record EscalationDto(long Id, DeadlineKind Deadline, DateOnly DueOn, StepKind Step, DateOnly RaisedOn, string? SheetNumber, string Facts)
{
    public static EscalationDto From(EscalationStep s) => new(s.Id, s.Deadline, s.DueOn, s.Step, s.RaisedOn, s.SheetNumber, s.Facts);
}

internal sealed record SignedDto(int TaskId, DateTime SignedAt, int SignedById);

internal static class SupervisionApi
{
    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks/{id:int}").WithTags("催办督办");
        group.MapPost("/sign", Sign).WithSummary("签收（牵头科室人员）");
        group.MapGet("/escalations", List).WithSummary("任务的提醒、催办和督办记录");
        return app;
    }

    private static async Task<Results<Ok<SignedDto>, ProblemHttpResult, ValidationProblem>> Sign(int id, TaskSigning signing, CurrentViewer current, CancellationToken ct) =>
        (await signing.SignAsync(await current.RequireAsync(ct), id, ct)).ToHttp(t => TypedResults.Ok(new SignedDto(t.Id, t.SignedAt!.Value, t.SignedById!.Value)));

    private static async Task<Results<Ok<List<EscalationDto>>, ProblemHttpResult>> List(int id, LuoshiDb db, TaskEditor tasks, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (await tasks.FindVisibleForScheduleAsync(viewer, id, ct) is null)
        {
            return ApiResults.NotFound();
        }

        var steps = await db.EscalationSteps.AsNoTracking().Where(s => s.TaskId == id && s.UnitId == viewer.UnitId).OrderBy(s => s.Id).ToListAsync(ct);
        return TypedResults.Ok(steps.Select(EscalationDto.From).ToList());
    }
}
