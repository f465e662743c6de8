using Luoshi.Documents;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Luoshi.Features.Imports;

internal static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/documents/outline", Outline).WithTags("导入").DisableAntiforgery().WithMetadata(Reports.EvidenceOptions.UploadLimit(app))
            .WithSummary("上传公文或讲话稿（multipart/form-data，字段名 file；txt/docx/pdf），返回提纲、草拟任务及删除的网页杂项；?minutes=true 按会议纪要读取，返回会议名称、日期、纪要编号和各项议定事项");
        return app;
    }

    private static async Task<Results<JsonHttpResult<OutlineReport>, JsonHttpResult<MeetingMinutes>, ValidationProblem, ProblemHttpResult>> Outline(HttpRequest request, HeavyInputGate gate, CancellationToken ct, bool minutes = false)
    {
        if (!request.HasFormContentType || (await request.ReadFormAsync(ct)).Files.GetFile("file") is not { } file)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["请以 multipart/form-data 上传，字段名为 file"] }, title: "提交的内容有误");
        }

        using var turn = await gate.EnterAsync(ct);
        if (turn is null)
        {
            return TypedResults.Problem(HeavyInputGate.Busy, statusCode: StatusCodes.Status503ServiceUnavailable, title: "系统繁忙");
        }

        await using var stream = file.OpenReadStream();
        var text = DocumentUpload.Read(file.FileName, stream, file.Length);
        if (text.Kind != OutcomeKind.Ok)
        {
            return TypedResults.ValidationProblem(text.Errors!, title: "无法读取该文件");
        }

        var outline = OutlineParser.Parse(text.Value!);
        return minutes
            ? TypedResults.Json(MinutesReader.Read(outline), OutlineCommand.JsonOptions)
            : TypedResults.Json(OutlineReport.Of(outline), OutlineCommand.JsonOptions);
    }
}
