using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Requests;

internal sealed record ExtensionInput(DateOnly? NewDueDate, string? Reason);

internal sealed record DecisionInput(bool Approve, string? Note);

internal sealed record TaskRequestsDto(IReadOnlyList<ExtensionDto> Extensions, IReadOnlyList<CompletionDto> Completions);

/// <summary>A 延期申请 as the API shows it (the row without its unit).</summary>
internal sealed record ExtensionDto(int Id, int TaskId, int RequestedById, DateTime RequestedAt, DateOnly CurrentDueDate, DateOnly NewDueDate,
    string Reason, RequestStatus Status, int? DecidedById, DateTime? DecidedAt, string? DecisionNote)
{
    public static ExtensionDto From(ExtensionRequest r) =>
        new(r.Id, r.TaskId, r.RequestedById, r.RequestedAt, r.CurrentDueDate, r.NewDueDate, r.Reason, r.Status, r.DecidedById, r.DecidedAt, r.DecisionNote);
}

/// <summary>A 办结申请 as the API shows it (the row without its unit).</summary>
internal sealed record CompletionDto(int Id, int TaskId, long ReportId, int RequestedById, DateTime RequestedAt, DateOnly ClaimedOn,
    RequestStatus Status, int? DecidedById, DateTime? DecidedAt, string? DecisionNote)
{
    public static CompletionDto From(CompletionRequest r) =>
        new(r.Id, r.TaskId, r.ReportId, r.RequestedById, r.RequestedAt, r.ClaimedOn, r.Status, r.DecidedById, r.DecidedAt, r.DecisionNote);
}

internal static class RequestsApi
{
    public static IEndpointRouteBuilder MapRequestsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("延期与办结");
        group.MapGet("/tasks/{id:int}/requests", List).WithSummary("任务的延期申请和办结申请");
        group.MapPost("/tasks/{id:int}/extensions", RequestExtension).WithSummary("申请延期（牵头科室）");
        group.MapPost("/extensions/{id:int}/decision", DecideExtension).WithSummary("审批延期（牵头领导或办公室）：approve=true 批准，false 不批准（须写理由）");
        group.MapPost("/completions/{id:int}/decision", DecideCompletion).WithSummary("审核办结（办公室）：approve=true 办结销号，false 退回（须写理由）");
        return app;
    }

    private static async Task<Results<Ok<TaskRequestsDto>, ProblemHttpResult>> List(int id, LuoshiDb db, TaskEditor tasks, CurrentViewer current, CancellationToken ct)
    {
        if (await tasks.FindVisibleForScheduleAsync(await current.RequireAsync(ct), id, ct) is null)
        {
            return ApiResults.NotFound();
        }

        return TypedResults.Ok(new TaskRequestsDto(
            await db.ExtensionRequests.Where(r => r.TaskId == id).OrderBy(r => r.Id)
                .Select(r => new ExtensionDto(r.Id, r.TaskId, r.RequestedById, r.RequestedAt, r.CurrentDueDate, r.NewDueDate, r.Reason, r.Status, r.DecidedById, r.DecidedAt, r.DecisionNote))
                .ToListAsync(ct),
            await db.CompletionRequests.Where(r => r.TaskId == id).OrderBy(r => r.Id)
                .Select(r => new CompletionDto(r.Id, r.TaskId, r.ReportId, r.RequestedById, r.RequestedAt, r.ClaimedOn, r.Status, r.DecidedById, r.DecidedAt, r.DecisionNote))
                .ToListAsync(ct)));
    }

    private static async Task<Results<Created<ExtensionDto>, ProblemHttpResult, ValidationProblem>> RequestExtension(int id, ExtensionInput input, TaskRequests requests, CurrentViewer current, CancellationToken ct) =>
        (await requests.RequestExtensionAsync(await current.RequireAsync(ct), id, input.NewDueDate, input.Reason, ct)).ToHttp(r => TypedResults.Created($"/api/tasks/{id}/requests", ExtensionDto.From(r)));

    private static async Task<Results<Ok<ExtensionDto>, ProblemHttpResult, ValidationProblem>> DecideExtension(int id, DecisionInput input, TaskRequests requests, CurrentViewer current, CancellationToken ct) =>
        (await requests.DecideExtensionAsync(await current.RequireAsync(ct), id, input.Approve, input.Note, ct)).ToHttp(r => TypedResults.Ok(ExtensionDto.From(r)));

    private static async Task<Results<Ok<CompletionDto>, ProblemHttpResult, ValidationProblem>> DecideCompletion(int id, DecisionInput input, TaskRequests requests, CurrentViewer current, CancellationToken ct) =>
        (await requests.DecideCompletionAsync(await current.RequireAsync(ct), id, input.Approve, input.Note, ct)).ToHttp(r => TypedResults.Ok(CompletionDto.From(r)));
}
