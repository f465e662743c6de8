using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Reports;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Proposals;

internal sealed record ProposalCreated(int Id, string Number, string Title, DateOnly ReplyDue, DateOnly? OpinionDue);

internal sealed record ExtensionDto(int Id, int ExtensionMonths, DateOnly ReplyDue, string? Reason);

internal sealed record SatisfactionDto(int Id, int Round, string Satisfaction, string? Stage, DateOnly DueDate);

internal sealed record OpinionDto(long Id, string Number, string? Text, string? Signer, DateOnly? SubmittedOn);

internal sealed record ProposalLedger(int Year, ProposalFigures Figures, IReadOnlyList<ProposalRow> Rows);

internal static class ProposalsApi
{
    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/proposals").WithTags("建议提案");
        group.MapGet("/", List).WithSummary("建议提案办理台账与统计（year，可按 type、state、section、result、satisfaction 筛选）");
        group.MapPost("/", Register).WithSummary("登记交办人大代表建议或政协委员提案（办公室）；答复时限为交办日期后三个月");
        group.MapGet("/export", Export).WithSummary("建议提案办理台账（Excel，含统计表）");
        group.MapGet("/opinions", Opinions).WithSummary("其他单位请本单位协办的建议提案（办公室）");
        group.MapPost("/opinions/{opinionId:long}", SubmitOpinion).WithSummary("提交协办意见和会签人（协办单位办公室，一次）");
        group.MapGet("/{id:int}", Get).WithSummary("一件建议提案：交办、时限、协办意见、答复和满意度");
        group.MapPost("/{id:int}/extension", Extend).WithSummary("答复时限延期（办公室，仅一次，最多三个月）");
        group.MapPost("/{id:int}/reply", Reply).WithSummary("答复（主办科室或办公室；multipart/form-data：text、repliedOn、resultClass、signer、deliveredTo（可多个），可附 file）")
            .DisableAntiforgery().WithMetadata(EvidenceOptions.UploadLimit(app));
        group.MapPost("/{id:int}/satisfaction", Satisfaction).WithSummary("录入满意度（办公室）：不满意则重新办理一次");
        group.MapGet("/{id:int}/replies/{round:int}/file", ReplyFile).WithSummary("下载答复件");
        return app;
    }

    private static async Task<Ok<ProposalLedger>> List(LuoshiDb db, CurrentViewer current, BureauClock clock, [FromQuery] int? year, [FromQuery] string? type, [FromQuery] string? state,
        [FromQuery] int? section, [FromQuery] string? result, [FromQuery] string? satisfaction, CancellationToken ct)
    {
        var y = year ?? clock.Today.Year;
        var rows = await ProposalList.LoadAsync(db, await current.RequireAsync(ct), y, new(type, state, section, result, satisfaction), clock.Today, ct);
        return TypedResults.Ok(new ProposalLedger(y, ProposalFigures.Of(rows), rows));
    }

    private static async Task<Results<Created<ProposalCreated>, ProblemHttpResult, ValidationProblem>> Register(ProposalInput input, ProposalDesk desk, LuoshiDb db, CurrentViewer current, CancellationToken ct)
    {
        var outcome = await desk.RegisterAsync(await current.RequireAsync(ct), input, ct);
        if (outcome.Value is not { } task)
        {
            return outcome.ToHttp(_ => TypedResults.Created("", default(ProposalCreated)));
        }

        var p = await db.Proposals.AsNoTracking().FirstAsync(x => x.TaskId == task.Id, ct);
        return TypedResults.Created($"/api/proposals/{task.Id}", new ProposalCreated(task.Id, p.Number, task.Title, p.ReplyDue, p.OpinionDue));
    }

    private static async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> Get(int id, LuoshiDb db, ProposalOpinions opinions, CurrentViewer current, CancellationToken ct) =>
        await ProposalDetail.LoadAsync(db, opinions, await current.RequireAsync(ct), id, ct) is { } proposal ? TypedResults.Ok(proposal) : ApiResults.NotFound();

    private static async Task<Results<Ok<ExtensionDto>, ProblemHttpResult, ValidationProblem>> Extend(int id, ExtensionInput input, ProposalDesk desk, CurrentViewer current, CancellationToken ct) =>
        (await desk.ExtendAsync(await current.RequireAsync(ct), id, input, ct)).ToHttp(p => TypedResults.Ok(new ExtensionDto(p.TaskId, p.ExtensionMonths, p.ReplyDue, p.ExtensionReason)));

    private static async Task<Results<Created<ReplyDto>, ProblemHttpResult, ValidationProblem>> Reply(int id, HttpRequest request, ProposalDesk desk, CurrentViewer current, CancellationToken ct)
    {
        if (await FormAsync(request, ct) is not { } form)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["请以 multipart/form-data 提交"] }, title: "提交的内容有误");
        }

        var input = new ReplyInput
        {
            Text = form["text"], RepliedOn = Date(form["repliedOn"]), ResultClass = form["resultClass"], Signer = form["signer"],
            DeliveredTo = [.. form["deliveredTo"].Where(n => n is not null).Select(n => n!)],
        };
        return (await desk.ReplyAsync(await current.RequireAsync(ct), id, input, form.Files.GetFile("file"), ct)).ToHttp(r => TypedResults.Created($"/api/proposals/{id}",
            new ReplyDto(r.Round, r.Text, r.RepliedOn, r.ResultClass, r.Signer, ProposalNames.Split(r.DeliveredTo), r.File.FileName, null, null, null)));
    }

    private static async Task<Results<Ok<SatisfactionDto>, ProblemHttpResult, ValidationProblem>> Satisfaction(int id, SatisfactionInput input, ProposalDesk desk, LuoshiDb db, CurrentViewer current, CancellationToken ct)
    {
        var outcome = await desk.RecordSatisfactionAsync(await current.RequireAsync(ct), id, input, ct);
        var task = outcome.Value is null ? null : await db.Tasks.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.Stage, t.DueDate }).FirstAsync(ct);
        return outcome.ToHttp(r => TypedResults.Ok(new SatisfactionDto(id, r.Round, r.Satisfaction!, task!.Stage, task.DueDate)));
    }

    private static async Task<Ok<List<OpinionRow>>> Opinions(ProposalOpinions opinions, CurrentViewer current, CancellationToken ct) =>
        TypedResults.Ok(await opinions.Requests(await current.RequireAsync(ct)).AsNoTracking().Take(500).ToListAsync(ct));

    private static async Task<Results<Ok<OpinionDto>, ProblemHttpResult, ValidationProblem>> SubmitOpinion(long opinionId, OpinionInput input, ProposalOpinions opinions, CurrentViewer current, CancellationToken ct) =>
        (await opinions.SubmitAsync(await current.RequireAsync(ct), opinionId, input, ct)).ToHttp(o => TypedResults.Ok(new OpinionDto(o.Id, o.Number, o.Text, o.Signer, o.SubmittedOn)));

    private static async Task<FileContentHttpResult> Export(LuoshiDb db, CurrentViewer current, BureauClock clock, Audit.AuditLog audit, [FromQuery] int? year, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var y = year ?? clock.Today.Year;
        var bytes = ProposalWorkbook.Write(await ProposalList.LoadAsync(db, viewer, y, new(), clock.Today, ct));
        await audit.ExportedAsync(viewer, ProposalWorkbook.FileName(y));
        return TypedResults.File(bytes, ProposalWorkbook.ContentType, ProposalWorkbook.FileName(y));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ReplyFile(int id, int round, LuoshiDb db, ProposalFiles files, CurrentViewer current, CancellationToken ct) =>
        await ProposalDetail.OpenAsync(db, files, await current.RequireAsync(ct), id, round, ct) switch
        {
            null => ApiResults.NotFound(),
            { Bytes: { } bytes } o => TypedResults.File(bytes, o.File.ContentType, o.File.FileName),
            _ => TypedResults.Problem("文件内容与上传时不符，不再提供下载，请联系办公室核查。", statusCode: StatusCodes.Status410Gone, title: EvidenceAccess.Altered),
        };

    /// <summary>The multipart form, or null when the body is not one (a cut-off body is the sender's mistake, a 400).</summary>
    private static async Task<IFormCollection?> FormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return null;
        }
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}
