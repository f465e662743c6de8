using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Supervision;

/// <summary>
/// 督办单 numbers run from 1 each year per unit without gaps, whoever issues the sheet (the daily run,
/// a confirmed held batch, the office by hand). Callers hold the unit's escalation lock
/// (<see cref="UnitLock"/>) while they read the next number and save, so two issuers never take one.
/// </summary>
internal static class SheetNumbers
{
    public static async Task<int> NextAsync(LuoshiDb db, int unitId, int year, CancellationToken ct) =>
        (await db.EscalationSteps.Where(s => s.UnitId == unitId && s.Year == year).MaxAsync(s => s.Sequence, ct) ?? 0) + 1;
}
