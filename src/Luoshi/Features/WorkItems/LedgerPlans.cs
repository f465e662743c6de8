using Luoshi.Data;
using Luoshi.Features.Plans;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.WorkItems;

/// <summary>Every work item belongs to a plan; a ledger's items go into one plan per unit, kind and
/// year ("2026年重点项目"), made the first time it is needed.</summary>
internal static class LedgerPlans
{
    /// <summary>The plan's id, found or made. Two first items of the year at once both try to make
    /// it; the unique index (<see cref="LedgerPlanConfiguration"/>) keeps one, and the other, rolled
    /// back to the savepoint EF Core sets before each save in a transaction, takes the winner's.</summary>
    public static async Task<int> IdAsync(LuoshiDb db, int unitId, int year, ILedgerKind ledger, DateTime now, CancellationToken ct)
    {
        if (await FindAsync(db, unitId, year, ledger.Kind, ct) is { } id)
        {
            return id;
        }

        var plan = new Plan
        {
            UnitId = unitId, Year = year, LedgerKind = ledger.Kind, Title = $"{year}年{ledger.PlanTitle}", Description = ledger.PlanDescription, CreatedAt = now,
        };
        db.Plans.Add(plan);
        try
        {
            await db.SaveChangesAsync(ct);
            return plan.Id;
        }
        catch (DbUpdateException e) when (TaskRowLock.LostRace(e))
        {
            db.Entry(plan).State = EntityState.Detached;
            return await FindAsync(db, unitId, year, ledger.Kind, ct) ?? throw new InvalidOperationException("The ledger plan that won the race is not there.", e);
        }
    }

    private static Task<int?> FindAsync(LuoshiDb db, int unitId, int year, WorkKind kind, CancellationToken ct) =>
        db.Plans.Where(p => p.UnitId == unitId && p.Year == year && p.LedgerKind == kind).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
}
