using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Luoshi.Features.Tasks;

/// <summary>A task as the API returns it.</summary>
internal sealed record TaskDto(
    int Id, int PlanId, int? ParentId, string? Number, string Title, string? Description,
    int? LeadLeaderId, int LeadSectionId, int? ResponsiblePersonId, IReadOnlyList<CooperationDto> Cooperations,
    decimal? TargetValue, string? TargetUnit, decimal? AchievedValue, DateOnly StartDate, DateOnly DueDate, IReadOnlyList<string> Tags,
    int ProgressPercent, DateOnly? CompletedOn, DateTime? LastReportedAt, Light Light, LightReason LightReason, string LightText,
    IReadOnlyList<MilestoneDto> Milestones, int Weight)
{
    public static TaskDto From(WorkTask t) => new(
        t.Id, t.PlanId, t.ParentId, t.Number, t.Title, t.Description, t.LeadLeaderId, t.LeadSectionId, t.ResponsiblePersonId,
        [.. t.Cooperations.OrderBy(c => c.SectionId).Select(c => new CooperationDto(c.SectionId, c.Part))],
        t.TargetValue, t.TargetUnit, t.AchievedValue, t.StartDate, t.DueDate, t.Tags, t.ProgressPercent, t.CompletedOn, t.LastReportedAt,
        t.Light, t.LightReason, t.LightReason.Chinese(),
        [.. t.Milestones.OrderBy(m => m.DueDate).ThenBy(m => m.Id).Select(MilestoneDto.From)], t.Weight);
}

internal sealed record CooperationDto(int SectionId, string? Part);

internal sealed record MilestoneDto(int Id, int TaskId, string Title, string? Deliverable, DateOnly DueDate, DateOnly? CompletedOn, string? CompletionNote)
{
    public static MilestoneDto From(Milestone m) => new(m.Id, m.TaskId, m.Title, m.Deliverable, m.DueDate, m.CompletedOn, m.CompletionNote);
}

/// <summary>A new task, with its first milestones.</summary>
internal sealed class NewTaskInput
{
    public required TaskInput Task { get; set; }

    public List<MilestoneInput>? Milestones { get; set; }
}

internal static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks").WithTags("任务");
        tasks.MapGet("/", List).WithSummary("任务列表（可筛选、分页）");
        tasks.MapGet("/{id:int}", Get).WithSummary("任务详情");
        tasks.MapPost("/", Create).WithSummary("新建任务（办公室）");
        tasks.MapPut("/{id:int}", Update).WithSummary("修改任务");
        tasks.MapGet("/{id:int}/milestones", Milestones).WithSummary("任务的时间节点");
        tasks.MapPost("/{id:int}/milestones", AddMilestone).WithSummary("增加时间节点");
        app.MapGroup("/api/milestones").WithTags("任务").MapPut("/{id:int}", UpdateMilestone).WithSummary("修改或办结时间节点");
        return app;
    }

    private static async Task<Results<Ok<TaskPage>, ValidationProblem>> List(
        LuoshiDb db, CurrentViewer current, TaskTotals totals,
        int? planId, int? section, int? leader, int? person, string? light, DateOnly? dueBefore, string? q, int page = 1, int pageSize = 20,
        int? kind = null, bool unsigned = false, string? sort = null, bool desc = false, bool open = false, CancellationToken ct = default)
    {
        if (kind is { } k && !Enum.IsDefined(typeof(WorkKind), k))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [$"类别应为 {string.Join("、", WorkKinds.All.Values.Select(k => $"{(int)k.Kind}（{k.Name}）"))} 之一"] }, title: "提交的内容有误");
        }

        if (sort is not null && IndexModel.Columns.All(c => c.Key != sort))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sort"] = ["排序应为 due、light、progress、section 或 reported"] }, title: "提交的内容有误");
        }

        Light? wanted = null;
        if (light is not null)
        {
            if (!LightNames.TryParse(light, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["light"] = ["亮灯状态应为 notstarted、green、yellow、red 或 done"] }, title: "提交的内容有误");
            }

            wanted = parsed;
        }

        if (pageSize is < 1 or > TaskList.MaxPageSize || page < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pageSize"] = [$"页码应从1开始，每页1到{TaskList.MaxPageSize}条"] }, title: "提交的内容有误");
        }

        var viewer = await current.RequireAsync(ct);
        return TypedResults.Ok(await TaskList.PageAsync(db, viewer, new TaskFilter(planId, section, leader, person, wanted, dueBefore, q, (WorkKind?)kind, unsigned, open), page, pageSize, ct,
            IndexModel.Columns.FirstOrDefault(c => c.Key == sort).Sort, desc, totals));
    }

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> Get(int id, TaskEditor editor, CurrentViewer current, CancellationToken ct) =>
        await editor.FindVisibleAsync(await current.RequireAsync(ct), id, ct) is { } task ? TypedResults.Ok(TaskDto.From(task)) : ApiResults.NotFound();

    private static async Task<Results<Created<TaskDto>, ProblemHttpResult, ValidationProblem>> Create(NewTaskInput input, TaskEditor editor, CurrentViewer current, CancellationToken ct) =>
        (await editor.CreateAsync(await current.RequireAsync(ct), input.Task, input.Milestones, ct)).ToHttp(t => TypedResults.Created($"/api/tasks/{t.Id}", TaskDto.From(t)));

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult, ValidationProblem>> Update(int id, TaskInput input, TaskEditor editor, CurrentViewer current, CancellationToken ct) =>
        (await editor.UpdateAsync(await current.RequireAsync(ct), id, input, ct)).ToHttp(t => TypedResults.Ok(TaskDto.From(t)));

    private static async Task<Results<Ok<List<MilestoneDto>>, ProblemHttpResult>> Milestones(int id, TaskEditor editor, CurrentViewer current, CancellationToken ct) =>
        await editor.FindVisibleAsync(await current.RequireAsync(ct), id, ct) is { } task
            ? TypedResults.Ok(task.Milestones.OrderBy(m => m.DueDate).Select(MilestoneDto.From).ToList())
            : ApiResults.NotFound();

    private static async Task<Results<Created<MilestoneDto>, ProblemHttpResult, ValidationProblem>> AddMilestone(int id, MilestoneInput input, TaskEditor editor, CurrentViewer current, CancellationToken ct) =>
        (await editor.AddMilestoneAsync(await current.RequireAsync(ct), id, input, ct)).ToHttp(m => TypedResults.Created($"/api/milestones/{m.Id}", MilestoneDto.From(m)));

    private static async Task<Results<Ok<MilestoneDto>, ProblemHttpResult, ValidationProblem>> UpdateMilestone(int id, MilestoneInput input, TaskEditor editor, CurrentViewer current, CancellationToken ct) =>
        (await editor.UpdateMilestoneAsync(await current.RequireAsync(ct), id, input, ct)).ToHttp(m => TypedResults.Ok(MilestoneDto.From(m)));
}
