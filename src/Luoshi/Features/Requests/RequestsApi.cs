using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Requests;

internal sealed record ExtensionInput(DateOnly? NewDueDate, string? Reason);

internal sealed record DecisionInput(bool Approve, string? Note);

internal sealed record TaskRequestsDto(IReadOnlyList<ExtensionRequest> Extensions, IReadOnlyList<CompletionRequest> Completions);

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
            await db.ExtensionRequests.AsNoTracking().Where(r => r.TaskId == id).OrderBy(r => r.Id).ToListAsync(ct),
            await db.CompletionRequests.AsNoTracking().Where(r => r.TaskId == id).OrderBy(r => r.Id).ToListAsync(ct)));
    }

    private static async Task<Results<Created<ExtensionRequest>, ProblemHttpResult, ValidationProblem>> RequestExtension(int id, ExtensionInput input, TaskRequests requests, CurrentViewer current, CancellationToken ct) =>
        (await requests.RequestExtensionAsync(await current.RequireAsync(ct), id, input.NewDueDate, input.Reason, ct)).ToHttp(r => TypedResults.Created($"/api/tasks/{id}/requests", r));

    private static async Task<Results<Ok<ExtensionRequest>, ProblemHttpResult, ValidationProblem>> DecideExtension(int id, DecisionInput input, TaskRequests requests, CurrentViewer current, CancellationToken ct) =>
        (await requests.DecideExtensionAsync(await current.RequireAsync(ct), id, input.Approve, input.Note, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<CompletionRequest>, ProblemHttpResult, ValidationProblem>> DecideCompletion(int id, DecisionInput input, TaskRequests requests, CurrentViewer current, CancellationToken ct) =>
        (await requests.DecideCompletionAsync(await current.RequireAsync(ct), id, input.Approve, input.Note, ct)).ToHttp(TypedResults.Ok);
}
