using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reports;

internal sealed record EvidenceDto(long Id, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt);

/// <summary>驳回: who returned the report, when and why.</summary>
internal sealed record ReportReturnDto(long Id, int ReturnedById, DateTime ReturnedAt, string Reason)
{
    public static ReportReturnDto From(ReportReturn r) => new(r.Id, r.ReturnedById, r.ReturnedAt, r.Reason);
}

internal sealed record ReportReturnInput([property: System.ComponentModel.DataAnnotations.StringLength(ReportReturn.MaxReason)] string? Reason);

internal sealed record ReportDto(
    long Id, int TaskId, int SectionId, int AuthorId, DateOnly PeriodStart, DateOnly PeriodEnd, DateTime SubmittedAt, bool IsLate,
    string Progress, int? Percent, decimal? AchievedValue, string? Problems, string? NextSteps, bool ClaimsCompletion, long? CorrectsId,
    IReadOnlyList<EvidenceDto> Evidence, ReportReturnDto? Returned = null)
{
    public static ReportDto From(ProgressReport r) => new(
        r.Id, r.TaskId, r.SectionId, r.AuthorId, r.PeriodStart, r.PeriodEnd, r.SubmittedAt, r.IsLate, r.Progress, r.Percent, r.AchievedValue,
        r.Problems, r.NextSteps, r.ClaimsCompletion, r.CorrectsId, [.. r.Evidence.Select(e => new EvidenceDto(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt))]);
}

internal static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/tasks/{taskId:int}/reports").WithTags("进展报告");
        reports.MapGet("/", List).WithSummary("任务的全部进展报告（含更正，按时间倒序）");
        reports.MapPost("/", Submit).WithSummary("报送进展（只增不改：更正请新报一份并填写 correctsId）");
        app.MapPost("/api/reports/{id:long}/return", Return).WithTags("进展报告")
            .WithSummary("退回进展报告、要求重报（办公室或牵头领导，须写理由）：该期视为未报送，直到重新报送");

        var evidence = app.MapGroup("/api/evidence").WithTags("进展报告");
        evidence.MapPost("/", Upload).WithSummary("上传佐证材料（multipart/form-data，字段名 file），返回编号供报送时引用").DisableAntiforgery()
            .WithMetadata(EvidenceOptions.UploadLimit(app));
        evidence.MapGet("/{id:long}", Download).WithSummary("下载佐证材料");
        return app;
    }

    private static async Task<Results<Ok<List<ReportDto>>, ProblemHttpResult>> List(int taskId, LuoshiDb db, TaskEditor tasks, CurrentViewer current, CancellationToken ct)
    {
        if (await tasks.FindVisibleAsync(await current.RequireAsync(ct), taskId, ct) is null)
        {
            return ApiResults.NotFound();
        }

        var reports = await db.Reports.AsNoTracking().Include(r => r.Evidence).Where(r => r.TaskId == taskId)
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
        var ids = reports.Select(r => r.Id).ToList();
        var returns = await db.ReportReturns.AsNoTracking().Where(x => x.TaskId == taskId && ids.Contains(x.ReportId)).ToDictionaryAsync(x => x.ReportId, ct);
        return TypedResults.Ok(reports.Select(r => ReportDto.From(r) with { Returned = returns.TryGetValue(r.Id, out var x) ? ReportReturnDto.From(x) : null }).ToList());
    }

    private static async Task<Results<Created<ReportDto>, ProblemHttpResult, ValidationProblem>> Submit(int taskId, ReportInput input, ReportSubmitter submitter, CurrentViewer current, CancellationToken ct) =>
        (await submitter.SubmitFromRequestAsync(await current.RequireAsync(ct), taskId, input, ct)).ToHttp(r => TypedResults.Created($"/api/tasks/{taskId}/reports", ReportDto.From(r)));

    private static async Task<Results<Created<ReportReturnDto>, ProblemHttpResult, ValidationProblem>> Return(long id, ReportReturnInput input, ReportReturner returner, CurrentViewer current, CancellationToken ct) =>
        (await returner.ReturnAsync(await current.RequireAsync(ct), id, input.Reason, ct)).ToHttp(r => TypedResults.Created($"/api/tasks/{r.TaskId}/reports", ReportReturnDto.From(r)));

    private static async Task<Results<Created<EvidenceDto>, ProblemHttpResult, ValidationProblem>> Upload(HttpRequest request, EvidenceFiles files, CurrentViewer current, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["请以 multipart/form-data 上传，字段名为 file"] }, title: "提交的内容有误");
        }

        var form = await request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { } file)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["没有收到文件（字段名应为 file）"] }, title: "提交的内容有误");
        }

        await using var stream = file.OpenReadStream();
        var outcome = await files.UploadAsync(await current.RequireAsync(ct), file.FileName, stream, file.Length, ct);
        return outcome.ToHttp(e => TypedResults.Created($"/api/evidence/{e.Id}", new EvidenceDto(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt)));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(long id, EvidenceAccess access, CurrentViewer current, CancellationToken ct) =>
        await access.OpenAsync(await current.RequireAsync(ct), id, ct) switch
        {
            null => ApiResults.NotFound(),
            { Content: { } content } file => TypedResults.File(content, file.Evidence.ContentType, file.Evidence.FileName),
            var file => TypedResults.Problem($"{file.Problem}。此文件不再提供下载，请联系办公室核查。", statusCode: StatusCodes.Status410Gone, title: EvidenceAccess.Altered),
        };
}
