using System.Linq.Expressions;
using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Plans;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Luoshi.Features.Reports;

/// <summary>
/// Which tasks owe the report of the current period (本期待报送). A task's first unreported period
/// closes its on-time window the day before its <see cref="WorkTask.ReportMissingFrom"/>; the report
/// is owed now when that window is still open and belongs to the current period or the one before,
/// i.e. when ReportMissingFrom falls after today and no later than the day after the current
/// period's window — a date per plan (cadence, offset and grace differ). Plans sharing a date are
/// grouped, so the filter is one comparison per group. The groups are kept per unit and day while
/// what they come from stays: the unit's working calendar and its plans, both held by caches that a
/// change drops at once here and, through <see cref="ClusterSignal"/>, in the other instances
/// (<see cref="WorkingCalendars.Invalidate"/>, <see cref="PlanCache.Invalidate"/>). A kept entry records
/// which calendar and which plans stamp it was computed from, and is computed again when either is new.
/// </summary>
internal sealed class ReportWindows(IMemoryCache cache, WorkingCalendars calendars, PlanCache plans)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private sealed record Group(DateOnly Until, int[] PlanIds);

    private sealed record Kept(WorkingCalendar Calendar, object PlansStamp, List<Group> Groups);

    public async Task<Expression<Func<WorkTask, bool>>> OwedNowAsync(LuoshiDb db, int unitId, DateOnly today, CancellationToken ct)
    {
        // The stamp first: a plan saved while the plans are read leaves a new stamp, and the next ask reads again.
        var stamp = plans.UnitStamp(unitId);
        var calendar = await calendars.ForUnitAsync(db, unitId, ct);
        var key = $"report-windows:{unitId}:{today.DayNumber}";
        if (!cache.TryGetValue(key, out Kept? kept) || kept is null || !ReferenceEquals(kept.Calendar, calendar) || !ReferenceEquals(kept.PlansStamp, stamp))
        {
            var unitPlans = await db.Plans.AsNoTracking().Where(p => p.UnitId == unitId).ToListAsync(ct);
            kept = new Kept(calendar, stamp, [.. unitPlans
                .GroupBy(p => ReportPeriods.Containing(p, today, calendar).OnTimeUntil.AddDays(1))
                .Select(g => new Group(g.Key, [.. g.Select(p => p.Id)]))]);
            cache.Set(key, kept, Lifetime);
        }

        var groups = kept.Groups;
        Expression<Func<WorkTask, bool>> owed = t => false;
        foreach (var group in groups)
        {
            var (until, ids) = (group.Until, group.PlanIds);
            Expression<Func<WorkTask, bool>> one = t => ids.Contains(t.PlanId) && t.ReportMissingFrom <= until;
            owed = Expression.Lambda<Func<WorkTask, bool>>(
                Expression.OrElse(owed.Body, new Rebind(one.Parameters[0], owed.Parameters[0]).Visit(one.Body)), owed.Parameters[0]);
        }

        return owed;
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
