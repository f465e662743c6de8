using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Reports;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Features.Research;

internal sealed record TopicCreated(int Id, string Title, string? Stage);

internal sealed record FindingTaskCreated(int TaskId, string Title, int PlanId, string Light);

internal static class ResearchApi
{
    public static IEndpointRouteBuilder MapResearchApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/research").WithTags("专题调研");
        group.MapGet("/", List).WithSummary("调研课题台账（当年，可按阶段筛选）");
        group.MapPost("/", Create).WithSummary("设立调研课题（办公室）");
        group.MapGet("/export", Export).WithSummary("调研课题台账（Excel，当年或 year 指定的年份）");
        group.MapGet("/{id:int}", Get).WithSummary("调研课题：走访记录、报告各版本、成果及其转化的任务");
        group.MapPost("/{id:int}/visits", AddVisit).WithSummary("记录调研走访（牵头科室；multipart/form-data：visitedOn、place、peopleMet、notes，可附 file）")
            .DisableAntiforgery().WithMetadata(EvidenceOptions.UploadLimit(app));
        group.MapPost("/{id:int}/reports", SubmitReport).WithSummary("提交调研报告新版本（牵头科室；multipart/form-data：file 为 docx/pdf，或 text 为正文）")
            .DisableAntiforgery().WithMetadata(EvidenceOptions.UploadLimit(app));
        group.MapPost("/{id:int}/decision", Decide).WithSummary("审阅调研报告：通过或退回（牵头领导或办公室）");
        group.MapPost("/{id:int}/findings", AddFindings).WithSummary("登记审定报告的调研成果（牵头领导或办公室）");
        group.MapPost("/{id:int}/findings/{number:int}/task", MakeTask).WithSummary("把一条成果转为任务（办公室）");
        group.MapPost("/{id:int}/close", Close).WithSummary("办结课题（成果转化的任务均已完成）");
        group.MapGet("/{id:int}/visits/{visitId:long}/file", VisitFile).WithSummary("下载走访附件");
        group.MapGet("/{id:int}/reports/{version:int}/file", ReportFile).WithSummary("下载某一版调研报告");
        return app;
    }

    private static async Task<Ok<List<TopicRow>>> List(LuoshiDb db, CurrentViewer current, BureauClock clock, [FromQuery] string? stage, [FromQuery] int? year, CancellationToken ct) =>
        TypedResults.Ok(await ResearchList.LoadAsync(db, await current.RequireAsync(ct), year ?? clock.Today.Year, stage, ct));

    private static async Task<FileContentHttpResult> Export(LuoshiDb db, CurrentViewer current, BureauClock clock, Audit.AuditLog audit, [FromQuery] int? year, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var y = year ?? clock.Today.Year;
        var bytes = await ResearchWorkbook.WriteAsync(db, viewer, y, ct);
        await audit.ExportedAsync(viewer, ResearchWorkbook.FileName(y));
        return TypedResults.File(bytes, ResearchWorkbook.ContentType, ResearchWorkbook.FileName(y));
    }

    private static async Task<Results<Created<TopicCreated>, ProblemHttpResult, ValidationProblem>> Create(TopicInput input, ResearchDesk desk, CurrentViewer current, CancellationToken ct) =>
        (await desk.CreateAsync(await current.RequireAsync(ct), input, ct)).ToHttp(t => TypedResults.Created($"/api/research/{t.Id}", new TopicCreated(t.Id, t.Title, t.Stage)));

    private static async Task<Results<Ok<TopicDto>, ProblemHttpResult>> Get(int id, LuoshiDb db, CurrentViewer current, CancellationToken ct) =>
        await ResearchDetail.LoadAsync(db, await current.RequireAsync(ct), id, ct) is { } topic ? TypedResults.Ok(topic) : ApiResults.NotFound();

    private static async Task<Results<Created<VisitDto>, ProblemHttpResult, ValidationProblem>> AddVisit(int id, HttpRequest request, ResearchDesk desk, CurrentViewer current, CancellationToken ct)
    {
        if (await FormAsync(request, ct) is not { } form)
        {
            return NeedsForm();
        }

        var input = new VisitInput { VisitedOn = Date(form["visitedOn"]), Place = form["place"], PeopleMet = form["peopleMet"], Notes = form["notes"] };
        return (await desk.AddVisitAsync(await current.RequireAsync(ct), id, input, form.Files.GetFile("file"), ct)).ToHttp(v => TypedResults.Created(
            $"/api/research/{id}", new VisitDto(v.Id, v.VisitedOn, v.Place, v.PeopleMet, v.Notes, ResearchDetail.Of(v.File), "", v.RecordedAt)));
    }

    private static async Task<Results<Created<ReportDto>, ProblemHttpResult, ValidationProblem>> SubmitReport(int id, HttpRequest request, ResearchDesk desk, CurrentViewer current, CancellationToken ct)
    {
        if (await FormAsync(request, ct) is not { } form)
        {
            return NeedsForm();
        }

        return (await desk.SubmitReportAsync(await current.RequireAsync(ct), id, new ReportInput { Text = form["text"] }, form.Files.GetFile("file"), ct)).ToHttp(r => TypedResults.Created(
            $"/api/research/{id}", new ReportDto(r.Id, r.Version, ResearchList.StatusName(r.Status), r.Text, ResearchDetail.Of(r.File), "", r.SubmittedAt, null, null, null)));
    }

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult, ValidationProblem>> Decide(int id, DecisionInput input, ResearchDesk desk, CurrentViewer current, CancellationToken ct) =>
        (await desk.DecideAsync(await current.RequireAsync(ct), id, input, ct)).ToHttp(r => TypedResults.Ok(
            new ReportDto(r.Id, r.Version, ResearchList.StatusName(r.Status), r.Text, ResearchDetail.Of(r.File), "", r.SubmittedAt, "", r.DecidedAt, r.Comment)));

    private static async Task<Results<Created<List<FindingDto>>, ProblemHttpResult, ValidationProblem>> AddFindings(int id, FindingsInput input, ResearchDesk desk, CurrentViewer current, CancellationToken ct) =>
        (await desk.AddFindingsAsync(await current.RequireAsync(ct), id, input, ct)).ToHttp(list => TypedResults.Created(
            $"/api/research/{id}", list.Select(f => new FindingDto(f.Id, f.Number, f.Text, null, null, null, null, false)).ToList()));

    private static async Task<Results<Created<FindingTaskCreated>, ProblemHttpResult, ValidationProblem>> MakeTask(int id, int number, FindingTaskInput input, ResearchDesk desk, CurrentViewer current, CancellationToken ct) =>
        (await desk.MakeTaskAsync(await current.RequireAsync(ct), id, number, input, ct)).ToHttp(t => TypedResults.Created(
            $"/api/tasks/{t.Id}", new FindingTaskCreated(t.Id, t.Title, t.PlanId, t.Light.ToString())));

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Close(int id, ResearchDesk desk, CurrentViewer current, CancellationToken ct) =>
        (await desk.CloseAsync(await current.RequireAsync(ct), id, ct)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> VisitFile(int id, long visitId, LuoshiDb db, ResearchFiles files, CurrentViewer current, CancellationToken ct) =>
        Serve(await ResearchDetail.OpenAsync(db, files, await current.RequireAsync(ct), id, visitId, null, ct));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ReportFile(int id, int version, LuoshiDb db, ResearchFiles files, CurrentViewer current, CancellationToken ct) =>
        Serve(await ResearchDetail.OpenAsync(db, files, await current.RequireAsync(ct), id, null, version, ct));

    private static Results<FileContentHttpResult, ProblemHttpResult> Serve((ResearchFile File, byte[]? Bytes)? opened) => opened switch
    {
        null => ApiResults.NotFound(),
        { Bytes: { } bytes } o => TypedResults.File(bytes, o.File.ContentType, o.File.FileName),
        _ => TypedResults.Problem("文件内容与上传时不符，不再提供下载，请联系办公室核查。", statusCode: StatusCodes.Status410Gone, title: EvidenceAccess.Altered),
    };

    /// <summary>The multipart form, or null when the body is not one (an empty or cut-off multipart body
    /// is the sender's mistake, a 400, not a 500).</summary>
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

    private static ValidationProblem NeedsForm() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["请以 multipart/form-data 提交"] }, title: "提交的内容有误");

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}
