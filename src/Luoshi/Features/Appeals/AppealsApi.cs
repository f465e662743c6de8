using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Appeals;

internal sealed record AssignInput(string? Category, int LeadSectionId, int? ResponsiblePersonId);

internal sealed record ReplyInput(string? Text);

internal sealed record FollowUpInput(string? Satisfaction, string? Note);

internal sealed record AppealRow(int TaskId, string Receipt, string Category, string Title, string Section, string? Stage, DateOnly ReceivedOn, DateOnly DueDate, Lights.Light Light, DateOnly? RepliedOn, int ReopenCount);

/// <summary>An appeal after a change, as the API answers it: a record, never the entity, whose
/// <see cref="AppealDetails.SecretHash"/> and the submitter's contact stay in the database.</summary>
internal sealed record AppealDto(int TaskId, string Receipt, string Category, DateOnly ReceivedOn, DateOnly FirstDueDate, string? ReplyText, DateOnly? RepliedOn, int ReopenCount)
{
    public static AppealDto From(AppealDetails a) => new(a.TaskId, a.Receipt, a.Category, a.ReceivedOn, a.FirstDueDate, a.ReplyText, a.RepliedOn, a.ReopenCount);
}

internal sealed record FollowUpDto(int Id, int TaskId, DateOnly On, string Satisfaction, string? Note)
{
    public static FollowUpDto From(AppealFollowUp f) => new(f.Id, f.TaskId, f.On, f.Satisfaction, f.Note);
}

internal static class AppealsApi
{
    public static IEndpointRouteBuilder MapAppealsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/appeals").WithTags("诉求");
        group.MapGet("/", List).WithSummary("可见的诉求");
        group.MapPost("/", Intake).WithSummary("登记诉求（办公室）");
        group.MapPost("/{id:int}/assign", Assign).WithSummary("分类、分办（办公室）");
        group.MapPost("/{id:int}/reply", Reply).WithSummary("答复（承办科室或办公室）");
        group.MapPost("/{id:int}/followup", FollowUp).WithSummary("回访（办公室）：满意、基本满意或不满意；不满意则重新办理");
        group.MapGet("/statistics", Statistics).WithSummary("月度统计：month=2026-05");
        return app;
    }

    public static IQueryable<AppealRow> Rows(LuoshiDb db, Viewer viewer) =>
        from a in db.Appeals
        join t in db.Tasks.VisibleTo(viewer) on a.TaskId equals t.Id
        join s in db.Sections on t.LeadSectionId equals s.Id
        orderby a.ReceivedOn descending, a.TaskId descending
        select new AppealRow(t.Id, a.Receipt, a.Category, t.Title, s.Name, t.Stage, a.ReceivedOn, t.DueDate, t.Light, a.RepliedOn, a.ReopenCount);

    private static async Task<Ok<List<AppealRow>>> List(LuoshiDb db, CurrentViewer current, CancellationToken ct) =>
        TypedResults.Ok(await Rows(db, await current.RequireAsync(ct)).AsNoTracking().ToListAsync(ct));

    private static async Task<Results<Created<AppealReceipt>, ProblemHttpResult, ValidationProblem>> Intake(AppealInput input, AppealDesk appeals, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        return (await appeals.IntakeAsync(viewer.UnitId, viewer, input, ct)).ToHttp(r => TypedResults.Created($"/api/tasks/{r.TaskId}", r));
    }

    private static async Task<Results<Ok<AppealDto>, ProblemHttpResult, ValidationProblem>> Assign(int id, AssignInput input, AppealDesk appeals, CurrentViewer current, CancellationToken ct) =>
        (await appeals.AssignAsync(await current.RequireAsync(ct), id, input.Category, input.LeadSectionId, input.ResponsiblePersonId, ct)).ToHttp(a => TypedResults.Ok(AppealDto.From(a)));

    private static async Task<Results<Ok<AppealDto>, ProblemHttpResult, ValidationProblem>> Reply(int id, ReplyInput input, AppealDesk appeals, CurrentViewer current, CancellationToken ct) =>
        (await appeals.ReplyAsync(await current.RequireAsync(ct), id, input.Text, ct)).ToHttp(a => TypedResults.Ok(AppealDto.From(a)));

    private static async Task<Results<Ok<FollowUpDto>, ProblemHttpResult, ValidationProblem>> FollowUp(int id, FollowUpInput input, AppealDesk appeals, CurrentViewer current, CancellationToken ct) =>
        (await appeals.FollowUpAsync(await current.RequireAsync(ct), id, input.Satisfaction, input.Note, ct)).ToHttp(f => TypedResults.Ok(FollowUpDto.From(f)));

    private static async Task<Results<Ok<AppealMonth>, ValidationProblem>> Statistics(string? month, LuoshiDb db, CurrentViewer current, BureauClock clock, CancellationToken ct)
    {
        var today = clock.Today;
        if (!TryMonth(month, today, out var year, out var m))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["month"] = ["月份的格式为 2026-05"] });
        }

        return TypedResults.Ok(await AppealStatistics.ForMonthAsync(db, await current.RequireAsync(ct), year, m, today, ct));
    }

    public static bool TryMonth(string? text, DateOnly today, out int year, out int month)
    {
        (year, month) = (today.Year, today.Month);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        return DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            && (year = d.Year) > 0 && (month = d.Month) > 0;
    }
}
