using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Plans;

/// <summary>Every work item belongs to a plan; a ledger's items (rectification measures, appeals, key
/// projects) go into one plan per unit, ledger and year ("2026年重点项目"), made the first time it is needed.</summary>
internal static class LedgerPlan
{
    public static async Task<int> IdAsync(LuoshiDb db, int unitId, int year, string title, DateTime now, CancellationToken ct, string? description = null)
    {
        var fullTitle = $"{year}年{title}";
        var id = await db.Plans.Where(p => p.UnitId == unitId && p.Year == year && p.Title == fullTitle).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (id is not null)
        {
            return id.Value;
        }

        var plan = new Plan { UnitId = unitId, Year = year, Title = fullTitle, Description = description, CreatedAt = now };
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan.Id;
    }
}
