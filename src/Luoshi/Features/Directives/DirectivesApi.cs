using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Features.Directives;

internal sealed record DirectiveCreated(int Id, string Title, string DocumentNumber, bool Restricted);

internal sealed record HandlingReportCreated(int TaskId, int Round, DateTime SubmittedAt);

internal sealed record LeaderResponseRecorded(int TaskId, int Round, string Response, bool Closed);

internal static class DirectivesApi
{
    public static IEndpointRouteBuilder MapDirectivesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/directives").WithTags("领导批示件");
        group.MapGet("/", List).WithSummary("领导批示件台账（受知悉范围限制；open=true 只列未办结）");
        group.MapPost("/", Create).WithSummary("登记领导批示件（办公室；密级只收一般、内部，秘密及以上不得录入）");
        group.MapGet("/export", Export).WithSummary("领导批示件台账（Excel）");
        group.MapGet("/{id:int}", Get).WithSummary("批示件：各轮批示、办理情况报告和领导意见");
        group.MapPost("/{id:int}/reports", Report).WithSummary("报送本轮办理情况（牵头科室，每轮一次）");
        group.MapPost("/{id:int}/response", Respond).WithSummary("登记批示领导意见：同意办结，或再次批示并给出新的办理时限（办公室，每轮一次）");
        return app;
    }

    private static async Task<Ok<List<DirectiveRow>>> List(LuoshiDb db, CurrentViewer current, [FromQuery] bool? open, CancellationToken ct) =>
        TypedResults.Ok(await DirectiveList.LoadAsync(db, await current.RequireAsync(ct), open == true, ct));

    private static async Task<Results<Created<DirectiveCreated>, ProblemHttpResult, ValidationProblem>> Create(DirectiveInput input, DirectiveDesk desk, CurrentViewer current, CancellationToken ct) =>
        (await desk.CreateAsync(await current.RequireAsync(ct), input, ct)).ToHttp(t => TypedResults.Created($"/api/directives/{t.Id}", new DirectiveCreated(t.Id, t.Title, t.SourceLabel ?? "", t.Restricted)));

    private static async Task<Results<Ok<DirectiveDto>, ProblemHttpResult>> Get(int id, LuoshiDb db, CurrentViewer current, CancellationToken ct) =>
        await DirectiveList.FindAsync(db, await current.RequireAsync(ct), id, ct) is { } item ? TypedResults.Ok(item) : ApiResults.NotFound();

    private static async Task<Results<Created<HandlingReportCreated>, ProblemHttpResult, ValidationProblem>> Report(int id, HandlingReportInput input, DirectiveDesk desk, CurrentViewer current, CancellationToken ct) =>
        (await desk.ReportAsync(await current.RequireAsync(ct), id, input, ct)).ToHttp(r => TypedResults.Created($"/api/directives/{id}", new HandlingReportCreated(id, r.Round, r.SubmittedAt)));

    private static async Task<Results<Ok<LeaderResponseRecorded>, ProblemHttpResult, ValidationProblem>> Respond(int id, LeaderResponseInput input, DirectiveDesk desk, CurrentViewer current, CancellationToken ct) =>
        (await desk.RespondAsync(await current.RequireAsync(ct), id, input, ct)).ToHttp(r => TypedResults.Ok(
            new LeaderResponseRecorded(id, r.Round, DirectiveList.Chinese(r.Response), r.Response == LeaderResponse.Agreed)));

    private static async Task<FileContentHttpResult> Export(LuoshiDb db, CurrentViewer current, Audit.AuditLog audit, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var bytes = await DirectiveWorkbook.WriteAsync(db, viewer, ct);
        await audit.ExportedAsync(viewer, DirectiveWorkbook.FileName);
        return TypedResults.File(bytes, DirectiveWorkbook.ContentType, DirectiveWorkbook.FileName);
    }
}
