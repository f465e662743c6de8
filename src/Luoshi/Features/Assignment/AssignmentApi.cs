using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Assignment;

internal sealed record TaskReturnInput([property: StringLength(TaskReturn.MaxText)] string? Reason);

internal sealed record ReturnDecisionInput(
    bool Reassign, int? LeadSectionId, int? ResponsiblePersonId, [property: StringLength(TaskReturn.MaxText)] string? Note);

internal sealed record TaskReturnDto(int Id, int TaskId, int SectionId, DateOnly AssignedOn, int RequestedById, DateTime RequestedAt, string Reason,
    TaskReturnStatus Status, int? DecidedById, DateTime? DecidedAt, string? DecisionNote)
{
    public static TaskReturnDto From(TaskReturn r) =>
        new(r.Id, r.TaskId, r.SectionId, r.AssignedOn, r.RequestedById, r.RequestedAt, r.Reason, r.Status, r.DecidedById, r.DecidedAt, r.DecisionNote);
}

internal sealed record BulkResultDto(int Count, bool Done, bool Repeated, string From, string To, IReadOnlyList<BulkTask> Tasks);

internal static class AssignmentApi
{
    public static IEndpointRouteBuilder MapAssignmentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("退办与改派");
        group.MapPost("/tasks/{id:int}/return", Return).WithSummary("退办（牵头科室负责人，交办后规定工作日内、签收前）：须写理由");
        group.MapGet("/tasks/{id:int}/returns", ListForTask).WithSummary("任务的退办记录");
        group.MapGet("/task-returns", Pending).WithSummary("待处理的退办（办公室）");
        group.MapPost("/task-returns/{id:int}/decision", Decide).WithSummary("处理退办（办公室）：reassign=true 改派（leadSectionId、responsiblePersonId），false 坚持原交办（须写理由）");
        group.MapPost("/reassignments/preview", Preview).WithSummary("批量改派预览（办公室）：某人为责任人或某科室牵头的全部未办结任务");
        group.MapPost("/reassignments", Apply).WithSummary("批量改派（办公室）：带上预览的 batchKey 和数量；同一 batchKey 重复提交不会重复改派");
        return app;
    }

    private static async Task<Results<Created<TaskReturnDto>, ProblemHttpResult, ValidationProblem>> Return(int id, TaskReturnInput input, TaskReturns returns, CurrentViewer current, CancellationToken ct) =>
        (await returns.RequestAsync(await current.RequireAsync(ct), id, input.Reason, ct)).ToHttp(r => TypedResults.Created($"/api/tasks/{id}/returns", TaskReturnDto.From(r)));

    private static async Task<Results<Ok<List<TaskReturnDto>>, ProblemHttpResult>> ListForTask(int id, LuoshiDb db, TaskEditor tasks, CurrentViewer current, CancellationToken ct)
    {
        if (await tasks.FindVisibleForScheduleAsync(await current.RequireAsync(ct), id, ct) is null)
        {
            return ApiResults.NotFound();
        }

        var rows = await db.TaskReturns.AsNoTracking().Where(r => r.TaskId == id).OrderBy(r => r.Id).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(TaskReturnDto.From).ToList());
    }

    private static async Task<Results<Ok<List<TaskReturnDto>>, ProblemHttpResult>> Pending(LuoshiDb db, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!viewer.IsAdmin)
        {
            return TypedResults.Problem("退办由办公室处理", statusCode: StatusCodes.Status403Forbidden, title: "无权进行此操作");
        }

        var rows = await db.TaskReturns.AsNoTracking().Where(r => r.UnitId == viewer.UnitId && r.Status == TaskReturnStatus.Pending).OrderBy(r => r.Id).Take(500).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(TaskReturnDto.From).ToList());
    }

    private static async Task<Results<Ok<TaskReturnDto>, ProblemHttpResult, ValidationProblem>> Decide(int id, ReturnDecisionInput input, TaskReturns returns, CurrentViewer current, CancellationToken ct) =>
        (await returns.DecideAsync(await current.RequireAsync(ct), id, new ReturnDecision(input.Reassign, input.LeadSectionId, input.ResponsiblePersonId, input.Note), ct))
            .ToHttp(r => TypedResults.Ok(TaskReturnDto.From(r)));

    private static async Task<Results<Ok<BulkResultDto>, ProblemHttpResult, ValidationProblem>> Preview(BulkInput input, BulkReassign bulk, CurrentViewer current, CancellationToken ct) =>
        (await bulk.PreviewAsync(await current.RequireAsync(ct), input, ct)).ToHttp(r => TypedResults.Ok(Dto(r)));

    private static async Task<Results<Ok<BulkResultDto>, ProblemHttpResult, ValidationProblem>> Apply(BulkInput input, BulkReassign bulk, CurrentViewer current, CancellationToken ct) =>
        (await bulk.ApplyAsync(await current.RequireAsync(ct), input, ct)).ToHttp(r => TypedResults.Ok(Dto(r)));

    private static BulkResultDto Dto(BulkResult r) => new(r.Tasks.Count, r.Done, r.Repeated, r.FromText, r.ToText, r.Tasks);
}
