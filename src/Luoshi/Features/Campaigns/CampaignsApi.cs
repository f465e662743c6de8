using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Campaigns;

internal sealed record CampaignDto(int Id, string Title, IReadOnlyList<PhaseDto> Phases);

internal sealed record PhaseDto(int Id, string Name, DateOnly Start, DateOnly End);

internal static class CampaignsApi
{
    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/campaigns").WithTags("活动与阶段");
        group.MapGet("/", List).WithSummary("活动及其阶段");
        group.MapPost("/", Create).WithSummary("设置活动及阶段（办公室）");
        group.MapPost("/phases/{phaseId:int}/tasks", AddTask).WithSummary("为阶段新建任务（办公室）");
        group.MapGet("/{id:int}/transition", TransitionOf).WithSummary("转段报告：各阶段任务完成、未完成、逾期数和学习情况（办公室、局领导）；format=docx 下载 Word");
        return app;
    }

    private static async Task<Ok<List<CampaignDto>>> List(LuoshiDb db, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        return TypedResults.Ok(await db.Campaigns.AsNoTracking().Where(c => c.UnitId == viewer.UnitId).OrderByDescending(c => c.Id)
            .Select(c => new CampaignDto(c.Id, c.Title, c.Phases.OrderBy(p => p.SortOrder).Select(p => new PhaseDto(p.Id, p.Name, p.Start, p.End)).ToList())).ToListAsync(ct));
    }

    private static async Task<Results<Created<CampaignDto>, ProblemHttpResult, ValidationProblem>> Create(CampaignInput input, CampaignReports reports, CurrentViewer current, CancellationToken ct) =>
        (await reports.CreateAsync(await current.RequireAsync(ct), input, ct)).ToHttp(c => TypedResults.Created($"/api/campaigns/{c.Id}/transition",
            new CampaignDto(c.Id, c.Title, [.. c.Phases.Select(p => new PhaseDto(p.Id, p.Name, p.Start, p.End))])));

    private static async Task<Results<Created<PhaseTaskRow>, ProblemHttpResult, ValidationProblem>> AddTask(int phaseId, PhaseTaskInput input, CampaignReports reports, CurrentViewer current, CancellationToken ct) =>
        (await reports.AddTaskAsync(await current.RequireAsync(ct), phaseId, input, ct)).ToHttp(t => TypedResults.Created($"/api/tasks/{t.Id}", new PhaseTaskRow(t.Id, t.Title, "", t.DueDate, t.CompletedOn, false)));

    private static async Task<Results<Ok<Transition>, FileContentHttpResult, ProblemHttpResult>> TransitionOf(int id, int? phase, string? format, CampaignReports reports, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!CampaignReports.SeesReport(viewer))
        {
            return TypedResults.Problem("转段报告只供办公室和局领导查看", statusCode: StatusCodes.Status403Forbidden, title: "无权进行此操作");
        }

        if (await reports.TransitionAsync(viewer, id, phase, ct) is not { } t)
        {
            return ApiResults.NotFound();
        }

        return format == "docx"
            ? TypedResults.File(TransitionReport.Write(t), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"转段报告-{t.Title}.docx")
            : TypedResults.Ok(t);
    }
}
