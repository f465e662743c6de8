using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Organisation;

[Authorize(Policy = AdminOnly.Policy)]
internal sealed class SectionsModel(LuoshiDb db, CurrentViewer current) : PageModel
{
    private ILookup<int, string> _leaders = Array.Empty<string>().ToLookup(_ => 0);
    private Dictionary<int, int> _headcount = [];

    public string UnitName { get; private set; } = "";
    public List<Section> Sections { get; private set; } = [];

    public IEnumerable<string> LeadersOf(int sectionId) => _leaders[sectionId];

    public int Headcount(int sectionId) => _headcount.GetValueOrDefault(sectionId);

    /// <summary>The section whose name was refused (0 for the new one), to show it as typed.</summary>
    public int? Failed { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string? name, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (await ProblemWithNameAsync(viewer.UnitId, null, name, ct) is { } problem)
        {
            // Beside the new section's name, with what was typed kept (the field is named "name").
            ModelState.AddModelError("name", problem);
            Failed = 0;
            await LoadAsync(ct);
            return Page();
        }

        var order = await db.Sections.Where(s => s.UnitId == viewer.UnitId).MaxAsync(s => (int?)s.SortOrder, ct) ?? -1;
        db.Sections.Add(new Section { UnitId = viewer.UnitId, Name = name!.Trim(), SortOrder = order + 1 });
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = $"已增加科室“{name.Trim()}”";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, string? name, [Display(Name = "排序")] int sortOrder, bool isActive, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id && s.UnitId == viewer.UnitId, ct);
        if (section is null)
        {
            return NotFound();
        }

        if (await ProblemWithNameAsync(viewer.UnitId, id, name, ct) is { } problem)
        {
            ModelState.AddModelError($"name{id}", problem);
            Failed = id;
            await LoadAsync(ct);
            return Page();
        }

        (section.Name, section.SortOrder, section.IsActive) = (name!.Trim(), sortOrder, isActive);
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = $"已保存“{section.Name}”";
        return RedirectToPage();
    }

    private async Task<string?> ProblemWithNameAsync(int unitId, int? id, string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            return "请填写科室名称（不超过100个字）";
        }

        var trimmed = name.Trim();
        return await db.Sections.AnyAsync(s => s.UnitId == unitId && s.Name == trimmed && s.Id != id, ct) ? $"已有名为“{trimmed}”的科室" : null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        UnitName = await db.Units.Where(u => u.Id == viewer.UnitId).Select(u => u.Name).FirstAsync(ct);
        Sections = await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        var charges = await (from c in db.LeaderCharges
                             join p in db.People on c.LeaderId equals p.Id
                             where c.UnitId == viewer.UnitId
                             select new { c.SectionId, p.Name }).ToListAsync(ct);
        _leaders = charges.ToLookup(c => c.SectionId, c => c.Name);
        _headcount = await db.People.Where(p => p.UnitId == viewer.UnitId && p.IsActive && p.SectionId != null)
            .GroupBy(p => p.SectionId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
