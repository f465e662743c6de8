using Luoshi.Data;
using Luoshi.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Rectification;

/// <summary>Every work item belongs to a plan; rectification measures and appeals go into one plan
/// per unit and year, made the first time it is needed.</summary>
internal static class LedgerPlan
{
    public static async Task<int> IdAsync(LuoshiDb db, int unitId, int year, string title, DateTime now, CancellationToken ct)
    {
        var fullTitle = $"{year}年{title}";
        var id = await db.Plans.Where(p => p.UnitId == unitId && p.Year == year && p.Title == fullTitle).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (id is not null)
        {
            return id.Value;
        }

        var plan = new Plan { UnitId = unitId, Year = year, Title = fullTitle, CreatedAt = now };
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan.Id;
    }
}
