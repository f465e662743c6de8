using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Instructions;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Supervision;

internal sealed record MessageInput([property: StringLength(SupervisionOptions.MaxText)] string? Message);

internal sealed record ReplyInput([property: StringLength(SupervisionOptions.MaxText)] string? Text, [property: MaxLength(50)] List<long>? EvidenceIds);

internal sealed record ReplyDecisionInput(bool Accept, [property: StringLength(SupervisionOptions.MaxText)] string? Note);

internal sealed record InstructionInput([property: StringLength(SupervisionOptions.MaxText)] string? Text, long? SheetId);

internal sealed record SheetDto(long Id, int TaskId, string? SheetNumber, StepKind Step, StepSource Source, string? Message, DateOnly RaisedOn, DateOnly? ReplyDueBy, SheetState State)
{
    public static SheetDto From(EscalationStep s) => new(s.Id, s.TaskId, s.SheetNumber, s.Step, s.Source, s.Message, s.RaisedOn, s.ReplyDueBy, s.State);
}

internal sealed record ReplyDto(long Id, long SheetId, int TaskId, int AuthorId, string Text, DateTime SubmittedAt, ReplyStatus Status, string? DecisionNote, IReadOnlyList<long> EvidenceIds)
{
    public static ReplyDto From(SheetReply r) => new(r.Id, r.StepId, r.TaskId, r.AuthorId, r.Text, r.SubmittedAt, r.Status, r.DecisionNote, [.. r.Evidence.Select(e => e.Id)]);
}

internal sealed record InstructionDto(long Id, int TaskId, long? SheetId, int LeaderId, string Text, DateTime WrittenAt, DateTime? AcknowledgedAt, int? AcknowledgedById)
{
    public static InstructionDto From(Instruction i) => new(i.Id, i.TaskId, i.StepId, i.LeaderId, i.Text, i.WrittenAt, i.AcknowledgedAt, i.AcknowledgedById);
}

internal sealed record RegisterQuery(
    SheetView? State, int? SectionId, StepSource? Source, DateOnly? From, DateOnly? To,
    [property: StringLength(100)] string? Q, [property: StringLength(400)] string? Cursor);

/// <summary>督办台账, manual 催办/督办, 反馈 and 领导批示.</summary>
internal static class SheetsApi
{
    public static IEndpointRouteBuilder MapSheetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("督办台账与批示");
        group.MapGet("/sheets", Register).WithSummary("督办台账：可见的督办单，按发出先后倒序，每页 50 条；下一页带上返回的 next（上一页 previous）作 cursor");
        group.MapPost("/tasks/{id:int}/urge", Urge).WithSummary("办公室催办（须写催办意见）");
        group.MapPost("/tasks/{id:int}/supervise", Supervise).WithSummary("办公室督办：发出编号督办单（须写督办意见）");
        group.MapGet("/sheets/{id:long}/replies", Replies).WithSummary("督办单的反馈");
        group.MapPost("/sheets/{id:long}/replies", Reply).WithSummary("反馈督办单（牵头科室科长或责任人；附件先上传至 /api/evidence）");
        group.MapPost("/replies/{id:long}/decision", Decide).WithSummary("审核反馈（办公室）：accept=true 办结，false 退回（须写理由）");
        group.MapGet("/tasks/{id:int}/instructions", TaskInstructions).WithSummary("任务的领导批示");
        group.MapPost("/tasks/{id:int}/instructions", Write).WithSummary("领导批示（局领导本人；可注明督办单 sheetId）");
        group.MapPost("/instructions/{id:long}/acknowledge", Acknowledge).WithSummary("签阅批示（牵头科室科长或责任人，一次）");
        return app;
    }

    private static async Task<Results<Ok<SheetPage>, ProblemHttpResult, ValidationProblem>> Register([AsParameters] RegisterQuery query, SheetRegister register, CurrentViewer current, CancellationToken ct) =>
        (await register.PageAsync(await current.RequireAsync(ct), new SheetFilter(query.State, query.SectionId, query.Source, query.From, query.To, query.Q), query.Cursor, ct))
            .ToHttp(TypedResults.Ok);

    private static async Task<Results<Created<SheetDto>, ProblemHttpResult, ValidationProblem>> Urge(int id, MessageInput input, ManualEscalation manual, CurrentViewer current, CancellationToken ct) =>
        (await manual.IssueAsync(await current.RequireAsync(ct), id, StepKind.Urge, input.Message, ct)).ToHttp(s => TypedResults.Created($"/api/tasks/{id}/escalations", SheetDto.From(s)));

    private static async Task<Results<Created<SheetDto>, ProblemHttpResult, ValidationProblem>> Supervise(int id, MessageInput input, ManualEscalation manual, CurrentViewer current, CancellationToken ct) =>
        (await manual.IssueAsync(await current.RequireAsync(ct), id, StepKind.Supervise, input.Message, ct)).ToHttp(s => TypedResults.Created($"/Supervision/Sheet/{s.Id}", SheetDto.From(s)));

    private static async Task<Results<Ok<List<ReplyDto>>, ProblemHttpResult>> Replies(long id, LuoshiDb db, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var visible = await db.EscalationSteps.Where(s => s.Id == id && s.UnitId == viewer.UnitId && s.Step == StepKind.Supervise)
            .Join(db.Tasks.VisibleTo(viewer), s => s.TaskId, t => t.Id, (s, t) => s.Id).AnyAsync(ct);
        if (!visible)
        {
            return ApiResults.NotFound();
        }

        var replies = await db.SheetReplies.AsNoTracking().Include(r => r.Evidence).Where(r => r.StepId == id && r.UnitId == viewer.UnitId).OrderBy(r => r.Id).ToListAsync(ct);
        return TypedResults.Ok(replies.Select(ReplyDto.From).ToList());
    }

    private static async Task<Results<Created<ReplyDto>, ProblemHttpResult, ValidationProblem>> Reply(long id, ReplyInput input, SheetReplies replies, CurrentViewer current, CancellationToken ct) =>
        (await replies.ReplyAsync(await current.RequireAsync(ct), id, input.Text, input.EvidenceIds, ct)).ToHttp(r => TypedResults.Created($"/api/sheets/{id}/replies", ReplyDto.From(r)));

    private static async Task<Results<Ok<ReplyDto>, ProblemHttpResult, ValidationProblem>> Decide(long id, ReplyDecisionInput input, SheetReplies replies, CurrentViewer current, CancellationToken ct) =>
        (await replies.DecideAsync(await current.RequireAsync(ct), id, input.Accept, input.Note, ct)).ToHttp(r => TypedResults.Ok(ReplyDto.From(r)));

    private static async Task<Results<Ok<List<InstructionDto>>, ProblemHttpResult>> TaskInstructions(int id, LuoshiDb db, TaskEditor tasks, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (await tasks.FindVisibleForScheduleAsync(viewer, id, ct) is null)
        {
            return ApiResults.NotFound();
        }

        var list = await db.Instructions.AsNoTracking().Where(i => i.TaskId == id && i.UnitId == viewer.UnitId).OrderBy(i => i.Id).ToListAsync(ct);
        return TypedResults.Ok(list.Select(InstructionDto.From).ToList());
    }

    private static async Task<Results<Created<InstructionDto>, ProblemHttpResult, ValidationProblem>> Write(int id, InstructionInput input, Instructions.Instructions instructions, CurrentViewer current, CancellationToken ct) =>
        (await instructions.WriteAsync(await current.RequireAsync(ct), id, input.SheetId, input.Text, ct)).ToHttp(i => TypedResults.Created($"/api/tasks/{id}/instructions", InstructionDto.From(i)));

    private static async Task<Results<Ok<InstructionDto>, ProblemHttpResult, ValidationProblem>> Acknowledge(long id, Instructions.Instructions instructions, CurrentViewer current, CancellationToken ct) =>
        (await instructions.AcknowledgeAsync(await current.RequireAsync(ct), id, ct)).ToHttp(i => TypedResults.Ok(InstructionDto.From(i)));
}
