using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Study;

internal sealed record StudyPlanDto(int Id, string Title, int Year, IReadOnlyList<GroupTotal> Groups);

internal sealed record SessionCreated(long Id, string? Missing);

internal static class StudyApi
{
    public static IEndpointRouteBuilder MapStudyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/study").WithTags("学习台账");
        group.MapGet("/plans", Plans).WithSummary("学习计划、学习组及其完成情况（按查看权限）");
        group.MapPost("/plans", CreatePlan).WithSummary("制定学习计划（办公室）：每个学习组生成一项任务，纳入亮灯和督办");
        group.MapPost("/sessions", Record).WithSummary("登记一次学习（办公室或组织科室科长）");
        group.MapGet("/ledger", LedgerOf).WithSummary("学习台账：每人和每组的学时与要求对照");
        group.MapGet("/ledger.xlsx", Workbook).WithSummary("学习台账 Excel：学习记录、个人学时、各学习组");
        return app;
    }

    private static async Task<Ok<List<StudyPlanDto>>> Plans(LuoshiDb db, StudyLedger ledger, CurrentViewer current, BureauClock clock, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var ids = await db.StudyPlans.Where(p => p.UnitId == viewer.UnitId).OrderByDescending(p => p.Year).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var result = new List<StudyPlanDto>();
        foreach (var id in ids)
        {
            var l = (await ledger.ForAsync(viewer, id, clock.Today, ct))!;
            result.Add(new StudyPlanDto(l.PlanId, l.Title, l.Year, l.Groups));
        }

        return TypedResults.Ok(result);
    }

    private static async Task<Results<Created<StudyPlanDto>, ProblemHttpResult, ValidationProblem>> CreatePlan(PlanInput input, StudyEditor editor, CurrentViewer current, CancellationToken ct) =>
        (await editor.CreatePlanAsync(await current.RequireAsync(ct), input, ct)).ToHttp(p => TypedResults.Created($"/api/study/ledger?plan={p.Id}", new StudyPlanDto(p.Id, p.Title, p.Year, [])));

    private static async Task<Results<Created<SessionCreated>, ProblemHttpResult, ValidationProblem>> Record(SessionInput input, StudyEditor editor, CurrentViewer current, CancellationToken ct) =>
        (await editor.RecordAsync(await current.RequireAsync(ct), input, ct)).ToHttp(s => TypedResults.Created($"/api/study/sessions/{s.Id}", new SessionCreated(s.Id, s.Missing)));

    private static async Task<Results<Ok<Ledger>, ProblemHttpResult>> LedgerOf(int plan, StudyLedger ledger, CurrentViewer current, BureauClock clock, CancellationToken ct) =>
        await ledger.ForAsync(await current.RequireAsync(ct), plan, clock.Today, ct) is { } l ? TypedResults.Ok(l) : ApiResults.NotFound();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Workbook(int plan, LuoshiDb db, StudyLedger ledger, CurrentViewer current, BureauClock clock, Audit.AuditLog audit, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (await ledger.ForAsync(viewer, plan, clock.Today, ct) is not { } l)
        {
            return ApiResults.NotFound();
        }

        var sessions = await db.SessionsAsync(viewer.UnitId, [.. l.Groups.Select(g => g.Id)], ct);
        await audit.ExportedAsync(viewer, $"学习台账-{l.Year}.xlsx");
        return TypedResults.File(StudyWorkbook.Write(l, sessions), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"学习台账-{l.Year}.xlsx");
    }
}
