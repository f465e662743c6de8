using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace Luoshi.Features.Events;

/// <summary>A recorded event, as the API answers it (a record, not the entity).</summary>
internal sealed record EventCreated(int Id, string Title, string Kind, DateOnly Date, string Place, int OrganiserSectionId, int? TaskId, int? TargetParticipants, int? ActualParticipants);

internal static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events").WithTags("活动");
        group.MapGet("/", List).WithSummary("活动台账（可按任务筛选）");
        group.MapPost("/", Create).WithSummary("登记活动；关联任务的，计入任务的量化目标（场次，或“人次”时计参与人数）");
        group.MapGet("/export", Export).WithSummary("活动台账（Excel）");
        return app;
    }

    private static async Task<Ok<List<EventRow>>> List(LuoshiDb db, CurrentViewer current, [FromQuery] int? task, CancellationToken ct) =>
        TypedResults.Ok(await EventLedger.ListAsync(db, await current.RequireAsync(ct), task, ct));

    private static async Task<Results<Created<EventCreated>, ProblemHttpResult, ValidationProblem>> Create(EventInput input, EventLedger ledger, CurrentViewer current, CancellationToken ct) =>
        (await ledger.CreateAsync(await current.RequireAsync(ct), input, ct)).ToHttp(e => TypedResults.Created($"/api/events/{e.Id}",
            new EventCreated(e.Id, e.Title, e.Kind, e.Date, e.Place, e.OrganiserSectionId, e.TaskId, e.TargetParticipants, e.ActualParticipants)));

    private static async Task<FileContentHttpResult> Export(LuoshiDb db, CurrentViewer current, CancellationToken ct) =>
        TypedResults.File(Workbook(await EventLedger.ListAsync(db, await current.RequireAsync(ct), null, ct)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "活动台账.xlsx");

    public static byte[] Workbook(IReadOnlyList<EventRow> events)
    {
        var rows = events.Select((e, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1, ["活动名称"] = e.Title, ["类型"] = e.Kind, ["日期"] = Ui.Date(e.Date), ["地点"] = e.Place, ["主办科室"] = e.Organiser,
            ["合作单位"] = e.Partners, ["计划参与人数"] = e.TargetParticipants, ["实际参与人数"] = e.ActualParticipants, ["关联任务"] = e.TaskTitle,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["活动台账"] = rows });
        return stream.ToArray();
    }
}
