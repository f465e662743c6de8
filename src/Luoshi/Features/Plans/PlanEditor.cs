using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Plans;

/// <summary>Creating and changing plans (the office's work). A change of cadence or report days
/// moves every task's report deadlines, so their lights are recomputed.</summary>
internal sealed class PlanEditor(LuoshiDb db, TaskLights lights, PlanCache cache, BureauClock clock)
{
    public async Task<Outcome<Plan>> SaveAsync(Viewer viewer, int? id, PlanInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<Plan>.Forbidden("只有办公室（管理员）可以新建或修改计划");
        }

        if (input.Problems() is { } problems)
        {
            return Outcome<Plan>.Invalid(problems);
        }

        var plan = id is null
            ? db.Plans.Add(new Plan { Title = "", UnitId = viewer.UnitId, CreatedAt = clock.UtcNow, SupervisedFrom = clock.Today }).Entity
            : await db.Plans.FirstOrDefaultAsync(p => p.Id == id && p.UnitId == viewer.UnitId, ct);
        if (plan is null)
        {
            return Outcome<Plan>.NotFound();
        }

        var reportingChanged = plan.Cadence != input.Cadence || plan.ReportDueOffsetDays != input.ReportDueOffsetDays || plan.ReportGraceDays != input.ReportGraceDays;
        input.ApplyTo(plan);
        await db.SaveChangesAsync(ct);
        cache.Invalidate(plan);
        if (id is not null && reportingChanged)
        {
            await lights.RescheduleUnitAsync(viewer.UnitId, plan.Id, ct);
        }

        return Outcome<Plan>.Ok(plan);
    }
}
