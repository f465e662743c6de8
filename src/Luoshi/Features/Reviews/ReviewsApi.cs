using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reviews;

/// <summary>印发: the period (2026-11, 2026-Q3, 2026-11-15), the plans and kinds counted (none: the
/// page's defaults), and again=true to issue a period already issued under a new number.</summary>
internal sealed record IssueBulletinInput(
    [property: Required, StringLength(10)] string Period,
    [property: MaxLength(100)] List<int>? Plans,
    [property: MaxLength(10)] List<WorkKind>? Kinds,
    bool Again);

internal sealed record BulletinQuery([property: Range(Bounds.MinYear, Bounds.MaxYear)] int? Year);

/// <summary>An issued 督查通报: its number (〔2026〕第3期), the period reviewed, who issued it when, and where its file is.</summary>
internal sealed record BulletinDto(long Id, int Year, int Number, string NumberText, string Period, IReadOnlyList<int> Plans, IReadOnlyList<WorkKind> Kinds,
    DateTime IssuedAt, int IssuedById, string? IssuedBy, string FileName, string File);

/// <summary>督查通报: issued by the office, read by the office and the leaders; sections get their 本科室情况 on the page.</summary>
internal static class ReviewsApi
{
    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reviews").WithTags("对照盘点与督查通报");
        group.MapPost("/bulletins", Issue).WithSummary("印发督查通报（办公室）：按期间、计划和类别编号印发，并通知所涉科室下载本科室情况");
        group.MapGet("/bulletins", List).WithSummary("已印发的督查通报（办公室和局领导），新的在前，最多 200 期");
        group.MapGet("/bulletins/{id:long}/file", File).WithSummary("已印发督查通报的 Word 文件，与印发时一字不差（办公室和局领导）");
        return app;
    }

    private static async Task<Results<Created<BulletinDto>, ProblemHttpResult, ValidationProblem>> Issue(IssueBulletinInput input, BulletinIssuer issuer, LuoshiDb db, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (ReviewPeriod.Parse(input.Period) is not { } period)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [nameof(input.Period)] = ["盘点期间应写作 2026-10（月）、2026-Q3（季度）或 2026-10-15（截至某日）"] },
                "提交的内容有误", title: "提交的内容有误");
        }

        var outcome = await issuer.IssueAsync(viewer, period, ReviewChoice.From(input.Plans, input.Kinds), input.Again, ct);
        var dto = outcome.Value is { } issued ? (await DtosAsync(db.IssuedBulletins.Where(b => b.Id == issued.Id && b.UnitId == viewer.UnitId), db, ct)).Single() : null;
        return outcome.ToHttp(_ => TypedResults.Created(dto!.File, dto));
    }

    private static async Task<Results<Ok<List<BulletinDto>>, ProblemHttpResult>> List([AsParameters] BulletinQuery query, LuoshiDb db, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!MaySee(viewer))
        {
            return Forbidden();
        }

        var year = query.Year;
        return TypedResults.Ok(await DtosAsync(db.IssuedBulletins.Where(b => b.UnitId == viewer.UnitId && (year == null || b.Year == year)).OrderByDescending(b => b.Id).Take(200), db, ct));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> File(long id, LuoshiDb db, CurrentViewer current, Audit.AuditLog audit, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        // A numbered bulletin is hidden from sections (404, as on the page): theirs is the unnumbered 本科室情况.
        var file = MaySee(viewer)
            ? await db.IssuedBulletins.AsNoTracking().Where(b => b.Id == id && b.UnitId == viewer.UnitId).Select(b => new { b.FileName, b.Content }).FirstOrDefaultAsync(ct)
            : null;
        if (file is null)
        {
            return ApiResults.NotFound();
        }

        await audit.ExportedAsync(viewer, file.FileName);
        return TypedResults.File(file.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.FileName);
    }

    /// <summary>The office and the leaders read issued bulletins; the same rule as the page's list.</summary>
    public static bool MaySee(Viewer viewer) => viewer.Role is Role.Admin or Role.Leader;

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem("已印发的督查通报仅办公室和局领导可查看；科室请在对照盘点页下载本科室情况", statusCode: StatusCodes.Status403Forbidden, title: "无权进行此操作");

    private static async Task<List<BulletinDto>> DtosAsync(IQueryable<IssuedBulletin> bulletins, LuoshiDb db, CancellationToken ct) =>
        [.. (await bulletins.AsNoTracking()
            .Select(b => new { b.Id, b.Year, b.Number, b.Period, b.Plans, b.Kinds, b.IssuedAt, b.IssuedById, By = db.People.Where(p => p.Id == b.IssuedById).Select(p => p.Name).FirstOrDefault(), b.FileName })
            .ToListAsync(ct))
            .Select(b => new BulletinDto(b.Id, b.Year, b.Number, IssuedBulletin.Text(b.Year, b.Number), b.Period, Ids(b.Plans), [.. Ids(b.Kinds).Select(k => (WorkKind)k)],
                b.IssuedAt, b.IssuedById, b.By, b.FileName, $"/api/reviews/bulletins/{b.Id}/file"))];

    private static List<int> Ids(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture))];
}
