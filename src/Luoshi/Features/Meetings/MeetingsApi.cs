using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Meetings;

internal sealed record MeetingCreated(int Id, string Name, IReadOnlyList<int> TaskIds);

internal static class MeetingsApi
{
    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings").WithTags("会议议定事项");
        group.MapGet("/", List).WithSummary("会议列表：议定事项数、已办结、逾期");
        group.MapPost("/", Create).WithSummary("登记会议及其议定事项（办公室；每项成为一项工作）");
        group.MapPost("/minutes", ReadMinutes).WithSummary("从纪要读取议定事项（multipart/form-data：file 为 docx/txt/pdf），返回待核对的登记内容，不保存")
            .DisableAntiforgery();
        group.MapGet("/{id:int}", Get).WithSummary("会议及其议定事项（亮灯、进度）");
        group.MapGet("/{id:int}/export", Export).WithSummary("议定事项落实情况表（Excel）");
        return app;
    }

    private static async Task<Ok<List<MeetingRow>>> List(LuoshiDb db, CurrentViewer current, BureauClock clock, CancellationToken ct) =>
        TypedResults.Ok(await MeetingList.LoadAsync(db, await current.RequireAsync(ct), clock.Today, ct));

    private static async Task<Results<Created<MeetingCreated>, ProblemHttpResult, ValidationProblem>> Create(MeetingInput input, MeetingDesk desk, LuoshiDb db, CurrentViewer current, CancellationToken ct)
    {
        var outcome = await desk.CreateAsync(await current.RequireAsync(ct), input, ct);
        var ids = outcome.Value is { } m ? await db.MeetingDecisions.Where(d => d.MeetingId == m.Id).OrderBy(d => d.Number).Select(d => d.TaskId).ToListAsync(ct) : [];
        return outcome.ToHttp(m => TypedResults.Created($"/api/meetings/{m.Id}", new MeetingCreated(m.Id, m.Name, ids)));
    }

    private static async Task<Results<Ok<MeetingDto>, ProblemHttpResult>> Get(int id, LuoshiDb db, CurrentViewer current, CancellationToken ct) =>
        await MeetingList.FindAsync(db, await current.RequireAsync(ct), id, ct) is { } meeting ? TypedResults.Ok(meeting) : ApiResults.NotFound();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(int id, LuoshiDb db, CurrentViewer current, Audit.AuditLog audit, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (await MeetingList.FindAsync(db, viewer, id, ct) is not { } meeting)
        {
            return ApiResults.NotFound();
        }

        await audit.ExportedAsync(viewer, MeetingWorkbook.FileName(meeting));
        return TypedResults.File(MeetingWorkbook.Write(meeting), MeetingWorkbook.ContentType, MeetingWorkbook.FileName(meeting));
    }

    private static async Task<Results<Ok<MeetingInput>, ProblemHttpResult, ValidationProblem>> ReadMinutes(HttpRequest request, LuoshiDb db, CurrentViewer current, HeavyInputGate gate, BureauClock clock, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!viewer.IsAdmin)
        {
            return Outcome<MeetingInput>.Forbidden("只有办公室可以登记会议议定事项").ToHttp(TypedResults.Ok);
        }

        IFormFile? file = null;
        try
        {
            file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            file = null;
        }

        if (file is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["请以 multipart/form-data 上传，字段名为 file"] }, title: "提交的内容有误");
        }

        using var turn = await gate.EnterAsync(ct);
        if (turn is null)
        {
            return TypedResults.Problem(HeavyInputGate.Busy, statusCode: StatusCodes.Status503ServiceUnavailable, title: "系统繁忙");
        }

        var sections = await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId && s.IsActive).ToListAsync(ct);
        await using var stream = file.OpenReadStream();
        return MinutesImport.Read(file.FileName, stream, file.Length, sections, clock.Today).ToHttp(TypedResults.Ok);
    }
}
