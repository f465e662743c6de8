using Luoshi.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Organisation;

internal sealed record SectionDto(int Id, string Name, int SortOrder, bool IsActive);

internal sealed record PersonDto(int Id, string Name, string? Position, Role Role, int? SectionId, bool IsActive, IReadOnlyList<int> ChargedSectionIds);

internal static class OrganisationApi
{
    public static IEndpointRouteBuilder MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var org = app.MapGroup("/api").WithTags("组织");
        org.MapGet("/sections", Sections).WithSummary("本单位的科室");
        org.MapGet("/people", People).WithSummary("本单位的人员");
        org.MapGet("/me", Me).WithSummary("当前登录人");
        return app;
    }

    private static async Task<Ok<List<SectionDto>>> Sections(LuoshiDb db, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        return TypedResults.Ok(await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id).Select(s => new SectionDto(s.Id, s.Name, s.SortOrder, s.IsActive)).ToListAsync(ct));
    }

    private static async Task<Ok<List<PersonDto>>> People(LuoshiDb db, CurrentViewer current, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        return TypedResults.Ok(await db.People.AsNoTracking().Where(p => p.UnitId == viewer.UnitId).OrderBy(p => p.SectionId).ThenBy(p => p.Id)
            .Select(p => new PersonDto(p.Id, p.Name, p.Position, p.Role, p.SectionId, p.IsActive, p.Charges.Select(c => c.SectionId).ToList())).ToListAsync(ct));
    }

    private static async Task<Ok<Viewer>> Me(CurrentViewer current, CancellationToken ct) => TypedResults.Ok(await current.RequireAsync(ct));
}
