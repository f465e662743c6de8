using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Luoshi.Features.Audit;

/// <summary>The audit log for the auditor's tools: the page's filters, 50 entries a page.</summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("审计").RequireAuthorization(AuditorOnly.Policy);
        group.MapGet("", List).WithSummary("审计日志（仅审计员）：按日期、事件类型、人员或登录名、地址筛选，新的在前，每页50条");
        group.MapGet("/export.xlsx", Export).WithSummary("审计日志 Excel（仅审计员；导出本身记入审计日志）");
        return app;
    }

    private static async Task<Ok<AuditPage>> List([AsParameters] AuditFilter filter, LuoshiDb db, CurrentViewer current, BureauClock clock, CancellationToken ct) =>
        TypedResults.Ok(await AuditQuery.PageAsync(db, await current.RequireAsync(ct), filter, clock, ct));

    private static async Task<FileContentHttpResult> Export([AsParameters] AuditFilter filter, LuoshiDb db, CurrentViewer current, BureauClock clock, AuditLog audit, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var rows = await AuditQuery.ExportRowsAsync(db, viewer, filter, clock, ct);
        var name = AuditWorkbook.FileName(clock);
        await audit.ExportedAsync(viewer, name);
        return TypedResults.File(AuditWorkbook.Write(rows, clock), AuditWorkbook.ContentType, name);
    }
}
