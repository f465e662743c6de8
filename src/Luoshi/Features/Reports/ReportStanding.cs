using Luoshi.Data;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reports;

/// <summary>
/// Which reports count, and so which periods are reported. A returned report (驳回) does not count:
/// its period is unreported again until the section submits a new report for it that is not itself
/// returned. The task's reported facts (<see cref="WorkTask.LastReportedPeriodEnd"/>, its progress)
/// are what the light rules, the default period of the next report and the report deadline of the
/// escalation run all read, and the assessment scores the 催办/督办 that deadline raises; so setting
/// them here, from counted reports only, is the one place every reader learns of a return.
/// </summary>
internal static class ReportStanding
{
    /// <summary>The reports that count: those not returned.</summary>
    public static IQueryable<ProgressReport> Counted(this IQueryable<ProgressReport> reports, LuoshiDb db) =>
        reports.Where(r => !db.ReportReturns.Any(x => x.ReportId == r.Id));

    /// <summary>
    /// Sets the task's reported facts from the counted reports that moved it: those of the lead
    /// section (a cooperating section's report only records its part). Progress goes back to the
    /// latest counted report; the last reported period is the latest counted one. The caller
    /// recomputes the light afterwards.
    /// </summary>
    public static async Task RecomputeAsync(LuoshiDb db, WorkTask task, CancellationToken ct)
    {
        var counted = await db.Reports.AsNoTracking()
            .Where(r => r.UnitId == task.UnitId && r.TaskId == task.Id)
            .Where(r => r.SectionId == task.LeadSectionId || !db.TaskCooperations.Any(c => c.TaskId == r.TaskId && c.SectionId == r.SectionId))
            .Counted(db)
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            .Select(r => new { r.PeriodEnd, r.SubmittedAt, r.Percent, r.AchievedValue })
            .ToListAsync(ct);
        task.LastReportedPeriodEnd = counted.Count == 0 ? null : counted.Max(r => r.PeriodEnd);
        task.LastReportedAt = counted.Count == 0 ? null : counted[0].SubmittedAt;
        task.ProgressPercent = counted.Select(r => r.Percent).FirstOrDefault(p => p is not null) ?? 0;
        task.AchievedValue = counted.Select(r => r.AchievedValue).FirstOrDefault(v => v is not null);
    }
}
