using System.Globalization;
using Luoshi.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Organisation;

/// <summary>
/// The choices a registration form of a work item offers (lead section, responsible person, lead leader),
/// one query each, in the unit's order: active sections by their order, leaders with their position,
/// people with their section. One place, so every ledger's form lists the same people the same way.
/// </summary>
internal static class PickLists
{
    public static async Task<List<SelectListItem>> SectionsAsync(LuoshiDb db, int unitId, CancellationToken ct) =>
        [.. (await db.Sections.Where(s => s.UnitId == unitId && s.IsActive).OrderBy(s => s.SortOrder)
            .Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            .Select(s => new SelectListItem(s.Name, Id(s.Id)))];

    public static async Task<List<SelectListItem>> LeadersAsync(LuoshiDb db, int unitId, CancellationToken ct) =>
        [.. (await db.People.Where(p => p.UnitId == unitId && p.IsActive && p.Role == Role.Leader).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.Position }).ToListAsync(ct))
            .Select(p => new SelectListItem(p.Position is { Length: > 0 } position ? $"{p.Name}（{position}）" : p.Name, Id(p.Id)))];

    /// <summary>People who may be responsible for an item: those with a section, shown with it.</summary>
    public static async Task<List<SelectListItem>> PeopleAsync(LuoshiDb db, int unitId, CancellationToken ct) =>
        [.. (await db.People.Where(p => p.UnitId == unitId && p.IsActive && p.SectionId != null).OrderBy(p => p.SectionId).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, Section = p.Section!.Name }).ToListAsync(ct))
            .Select(p => new SelectListItem($"{p.Name}（{p.Section}）", Id(p.Id)))];

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
