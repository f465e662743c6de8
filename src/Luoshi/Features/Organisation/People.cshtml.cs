using Luoshi.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Organisation;

internal sealed record PersonRow(int Id, string Name, string? Position, Role Role, string Where, string? Login, bool IsActive);

[Authorize(Policy = AdminOnly.Policy)]
internal sealed class PeopleModel(LuoshiDb db, CurrentViewer current) : PageModel
{
    public List<PersonRow> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var sections = await db.Sections.Where(s => s.UnitId == viewer.UnitId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var logins = await db.Users.Where(u => u.UnitId == viewer.UnitId).ToDictionaryAsync(u => u.PersonId, u => u.UserName, ct);
        var people = await db.People.AsNoTracking().Include(p => p.Charges).Where(p => p.UnitId == viewer.UnitId)
            .OrderByDescending(p => p.Role == Role.Leader).ThenBy(p => p.SectionId).ThenByDescending(p => p.Role).ThenBy(p => p.Id).ToListAsync(ct);
        People = [.. people.Select(p => new PersonRow(p.Id, p.Name, p.Position, p.Role,
            p.Role == Role.Leader ? "分管：" + string.Join("、", p.Charges.Select(c => sections.GetValueOrDefault(c.SectionId))) : sections.GetValueOrDefault(p.SectionId ?? 0, ""),
            logins.GetValueOrDefault(p.Id), p.IsActive))];
    }
}
