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
    /// <remarks>With a <paramref name="cadence"/> (a 交办 that asks for quarterly reports) the plan of that
    /// cadence: the ordinary one when it is monthly, else one of its own ("2026年交办事项（每季度报送）"),
    /// so the item is reported, reminded and escalated on the periods asked for. Without one, the
    /// kind's plan of the year whatever its cadence (the office may have changed it).</remarks>
    public static async Task<int> IdAsync(LuoshiDb db, PlanCache plans, int unitId, int year, ILedgerKind ledger, DateTime now, CancellationToken ct, ReportCadence? cadence = null)
    {
        if (await FindAsync(db, unitId, year, ledger.Kind, cadence, ct) is { } id)
        {
            return id;
        }

        var plan = new Plan
        {
            UnitId = unitId, Year = year, LedgerKind = ledger.Kind, Description = ledger.PlanDescription, CreatedAt = now,
            Cadence = cadence ?? ReportCadence.Monthly,
            Title = cadence is { } c && c != ReportCadence.Monthly ? $"{year}年{ledger.PlanTitle}（{c.Chinese()}报送）" : $"{year}年{ledger.PlanTitle}",
        };
        db.Plans.Add(plan);
        try
        {
            await db.SaveChangesAsync(ct);
            plans.Invalidate(plan);
            return plan.Id;
        }
        catch (DbUpdateException e) when (TaskRowLock.LostRace(e))
        {
            db.Entry(plan).State = EntityState.Detached;
            return await FindAsync(db, unitId, year, ledger.Kind, cadence ?? ReportCadence.Monthly, ct) ?? throw new InvalidOperationException("The ledger plan that won the race is not there.", e);
        }
    }

    private static Task<int?> FindAsync(LuoshiDb db, int unitId, int year, WorkKind kind, ReportCadence? cadence, CancellationToken ct) =>
        db.Plans.Where(p => p.UnitId == unitId && p.Year == year && p.LedgerKind == kind && (cadence == null || p.Cadence == cadence))
            .OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
}
