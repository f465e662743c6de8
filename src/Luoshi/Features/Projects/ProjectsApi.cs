using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Features.Projects;

/// <summary>The new project as created: its task id and first stage.</summary>
internal sealed record ProjectCreated(int Id, string Title, string? Stage);

internal sealed record StageDto(long Id, int TaskId, string Stage, DateOnly ReachedOn, int? DaysFromPrevious, string Evidence);

internal static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects").WithTags("重点项目");
        group.MapGet("/", List).WithSummary("重点项目台账（可按阶段、责任人、科室筛选）");
        group.MapPost("/", Create).WithSummary("登记重点项目（办公室）");
        group.MapPost("/{id:int}/stages", Advance).WithSummary("登记项目进入下一阶段（不得跳过、倒填或晚于今天）");
        group.MapGet("/funnel", GetFunnel).WithSummary("项目漏斗：各阶段项目数、转化比例、阶段间天数中位数，总体、按责任人、按科室");
        group.MapGet("/export", Export).WithSummary("项目台账和漏斗（Excel）");
        return app;
    }

    private static async Task<Ok<List<ProjectRow>>> List(LuoshiDb db, CurrentViewer current, [FromQuery] string? stage, [FromQuery] int? person, [FromQuery] int? section, CancellationToken ct) =>
        TypedResults.Ok(await ProjectList.LoadAsync(db, await current.RequireAsync(ct), new(section, person, stage), ct));

    private static async Task<Results<Created<ProjectCreated>, ProblemHttpResult, ValidationProblem>> Create(ProjectInput input, ProjectPipeline pipeline, CurrentViewer current, CancellationToken ct) =>
        (await pipeline.CreateAsync(await current.RequireAsync(ct), input, ct)).ToHttp(t => TypedResults.Created($"/api/projects/{t.Id}", new ProjectCreated(t.Id, t.Title, t.Stage)));

    private static async Task<Results<Created<StageDto>, ProblemHttpResult, ValidationProblem>> Advance(int id, StageInput input, ProjectPipeline pipeline, CurrentViewer current, CancellationToken ct) =>
        (await pipeline.AdvanceAsync(await current.RequireAsync(ct), id, input, ct)).ToHttp(s => TypedResults.Created($"/api/projects/{id}",
            new StageDto(s.Id, s.TaskId, ProjectStages.Names[s.StageIndex], s.ReachedOn, s.DaysFromPrevious, s.Evidence)));

    private static async Task<Ok<Funnel>> GetFunnel(LuoshiDb db, CurrentViewer current, [FromQuery] int? person, [FromQuery] int? section, CancellationToken ct) =>
        TypedResults.Ok(await ProjectFunnel.LoadAsync(db, await current.RequireAsync(ct), new(section, person), ct: ct));

    private static async Task<FileContentHttpResult> Export(LuoshiDb db, CurrentViewer current, Audit.AuditLog audit, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var bytes = ProjectWorkbook.Write(await ProjectList.LoadAsync(db, viewer, new(), ct), await ProjectFunnel.LoadAsync(db, viewer, new(), ct: ct));
        await audit.ExportedAsync(viewer, "项目台账.xlsx");
        return TypedResults.File(bytes, ProjectWorkbook.ContentType, "项目台账.xlsx");
    }
}
