using System.Text;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Publication;

internal sealed record CommitmentRow(
    int TaskId, string TaskTitle, string? PublicTitle, string? Narrative, string? Area, bool UseTaskTitle, bool ShowLeadSection, bool ShowResponsible, bool ShowProblems);

internal sealed record CommitmentSaved(
    int TaskId, string? PublicTitle, string? Narrative, string? Area, bool UseTaskTitle, bool ShowLeadSection, bool ShowResponsible, bool ShowProblems);

internal sealed record PreviewItem(string Plan, string Area, string Title, string Narrative, int Progress, string Status, DateOnly DueDate);

internal sealed record PreviewDto(int Number, List<PreviewItem> Items, List<WaitingCommitment> Waiting);

internal sealed record EditionPublished(int Number, DateOnly PublishedOn, int Items, string Url);

internal sealed record PlanMadePublic(int PlanId, int Added);

internal static class PublicationApi
{
    public static IEndpointRouteBuilder MapPublicationApi(this IEndpointRouteBuilder app)
    {
        var office = app.MapGroup("/api/publication").WithTags("公开承诺");
        office.MapGet("/commitments", Commitments).WithSummary("设为公开的任务及其公开标题、说明（办公室）");
        office.MapPut("/commitments/{taskId:int}", Save).WithSummary("将任务设为公开，或修改其公开标题、说明、领域和选择公开的内部信息（办公室）");
        office.MapDelete("/commitments/{taskId:int}", Remove).WithSummary("取消公开（已发布的各期不变）（办公室）");
        office.MapPost("/plans/{planId:int}", AddPlan).WithSummary("将计划的全部一级任务设为公开，待填写公开标题和说明（办公室）");
        office.MapGet("/preview", Preview).WithSummary("预览下一期：按现在的数据将发布的内容（办公室）");
        office.MapPost("/editions", Publish).WithSummary("发布下一期公开承诺（办公室；expectedNumber 防止重复发布）");

        // Open to anyone: the published editions only, never the draft.
        var open = app.MapGroup("/Public/Progress/{unit:int}").WithTags("公开承诺（公开）").AllowAnonymous().RequireRateLimiting(PublicationFeature.RateLimitPolicy);
        open.MapGet("/{edition:int}/data.json", Json).WithSummary("某期公开承诺（开放数据 JSON）");
        open.MapGet("/{edition:int}/data.csv", Csv).WithSummary("某期公开承诺（开放数据 CSV，Excel 可直接打开）");
        open.MapGet("/Feed", Feed).WithSummary("各期公开承诺（Atom 订阅）");
        open.MapGet("/qr.png", Qr).WithSummary("公开承诺页面的二维码（PNG）");
        return app;
    }

    private static async Task<Results<Ok<List<CommitmentRow>>, ProblemHttpResult>> Commitments(LuoshiDb db, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        return viewer.IsAdmin ? TypedResults.Ok(await CommitmentList.LoadAsync(db, viewer.UnitId, ct)) : Forbidden();
    }

    private static async Task<Results<Ok<CommitmentSaved>, ProblemHttpResult, ValidationProblem>> Save(int taskId, CommitmentInput input, PublicationDesk desk, CurrentViewer current, CancellationToken ct) =>
        (await desk.SaveAsync(await current.RequireAsync(ct), taskId, input, ct)).ToHttp(c => TypedResults.Ok(
            new CommitmentSaved(c.TaskId, c.PublicTitle, c.Narrative, c.Area, c.UseTaskTitle, c.ShowLeadSection, c.ShowResponsible, c.ShowProblems)));

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Remove(int taskId, PublicationDesk desk, CurrentViewer current, CancellationToken ct) =>
        (await desk.RemoveAsync(await current.RequireAsync(ct), taskId, ct)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<Results<Ok<PlanMadePublic>, ProblemHttpResult, ValidationProblem>> AddPlan(int planId, PublicationDesk desk, CurrentViewer current, CancellationToken ct) =>
        (await desk.AddPlanAsync(await current.RequireAsync(ct), planId, ct)).ToHttp(n => TypedResults.Ok(new PlanMadePublic(planId, n)));

    private static async Task<Results<Ok<PreviewDto>, ProblemHttpResult>> Preview(LuoshiDb db, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!viewer.IsAdmin)
        {
            return Forbidden();
        }

        var draft = await PublicationDraft.BuildAsync(db, viewer.UnitId, ct);
        return TypedResults.Ok(new PreviewDto(await PublicationDraft.NextNumberAsync(db, viewer.UnitId, ct),
            [.. draft.Items.Select(i => new PreviewItem(i.PlanTitle, i.Area, i.Title, i.Narrative, i.ProgressPercent, i.Status.Chinese(), i.DueDate))], draft.Waiting));
    }

    private static async Task<Results<Created<EditionPublished>, ProblemHttpResult, ValidationProblem>> Publish(PublishInput input, PublicationDesk desk, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        return (await desk.PublishAsync(viewer, input, ct)).ToHttp(e =>
        {
            var url = $"/Public/Progress/{viewer.UnitId}/{e.Number}";
            return TypedResults.Created(url, new EditionPublished(e.Number, e.PublishedOn, e.Items.Count, url));
        });
    }

    private static async Task<Results<Ok<OpenEdition>, ProblemHttpResult>> Json(int unit, int edition, LuoshiDb db, CancellationToken ct) =>
        await OpenAsync(db, unit, edition, ct) is { } open ? TypedResults.Ok(open) : ApiResults.NotFound("未找到该期公开承诺");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Csv(int unit, int edition, LuoshiDb db, CancellationToken ct) =>
        await OpenAsync(db, unit, edition, ct) is { } open
            ? TypedResults.File(OpenData.Csv(open), "text/csv; charset=utf-8", $"公开承诺第{edition}期.csv")
            : ApiResults.NotFound("未找到该期公开承诺");

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Feed(int unit, HttpRequest request, LuoshiDb db, PublicAddress address, CancellationToken ct)
    {
        if (await PublicEditions.UnitNameAsync(db, unit, ct) is not { } name)
        {
            return ApiResults.NotFound("未找到该单位");
        }

        var atom = OpenData.Atom(name, address.Page(request, unit), await PublicEditions.ListAsync(db, unit, ct));
        return TypedResults.Text(atom, "application/atom+xml", Encoding.UTF8);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Qr(int unit, HttpRequest request, LuoshiDb db, PublicAddress address, CancellationToken ct) =>
        await PublicEditions.UnitNameAsync(db, unit, ct) is null
            ? ApiResults.NotFound("未找到该单位")
            : TypedResults.File(Luoshi.Features.Shared.QrCodes.Png(address.Page(request, unit)), "image/png", $"公开承诺二维码.png");

    private static async Task<OpenEdition?> OpenAsync(LuoshiDb db, int unit, int number, CancellationToken ct) =>
        await PublicEditions.UnitNameAsync(db, unit, ct) is { } name && await PublicEditions.FindAsync(db, unit, number, ct) is { } edition
            ? OpenData.Of(name, edition)
            : null;

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem("只有办公室可以管理公开承诺", statusCode: StatusCodes.Status403Forbidden, title: "无权进行此操作");
}

/// <summary>The office's list of public tasks with their internal titles beside the public words.</summary>
internal static class CommitmentList
{
    public static Task<List<CommitmentRow>> LoadAsync(LuoshiDb db, int unitId, CancellationToken ct) =>
        (from c in db.PublicCommitments
         join t in db.Tasks on new { c.UnitId, Id = c.TaskId } equals new { t.UnitId, t.Id }
         where c.UnitId == unitId
         orderby t.PlanId, t.SortOrder, t.Id
         select new CommitmentRow(c.TaskId, t.Title, c.PublicTitle, c.Narrative, c.Area, c.UseTaskTitle, c.ShowLeadSection, c.ShowResponsible, c.ShowProblems))
        .ToListAsync(ct);
}
