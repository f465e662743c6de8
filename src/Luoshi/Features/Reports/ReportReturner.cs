using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Record;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reports;

/// <summary>
/// 驳回, 要求重报: the office or the task's lead leader returns a progress report with a reason.
/// The return, the task's standing (progress and last reported period from the reports that still
/// count), its light, the history line, the record entry and the notices to the reporter and the
/// section's head are saved together or not at all; a report is returned once.
/// </summary>
internal sealed class ReportReturner(LuoshiDb db, TaskEditor tasks, TaskLights lights, PlanCache plans, PersonNotices notices, BureauClock clock)
{
    /// <summary>Who returns a report: the office, or the task's lead leader.</summary>
    public static bool MayReturn(Viewer viewer, WorkTask task) => viewer.IsAdmin || (task.LeadLeaderId is { } l && l == viewer.PersonId);

    public async Task<Outcome<ReportReturn>> ReturnAsync(Viewer viewer, long reportId, string? reason, CancellationToken ct)
    {
        await using var transaction = await TaskRowLock.BeginForRowAsync(db, viewer.UnitId, db.Reports.Where(r => r.Id == reportId && r.UnitId == viewer.UnitId).Select(r => r.TaskId), ct);
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId && r.UnitId == viewer.UnitId, ct);
        var task = report is null ? null : await tasks.FindVisibleForScheduleAsync(viewer, report.TaskId, ct);
        if (report is null || task is null)
        {
            return Outcome<ReportReturn>.NotFound();
        }

        if (!MayReturn(viewer, task))
        {
            return Outcome<ReportReturn>.Forbidden("进展报告由办公室或该任务的牵头领导退回");
        }

        if (await db.ReportReturns.AsNoTracking().FirstOrDefaultAsync(r => r.ReportId == reportId, ct) is { } earlier)
        {
            return Outcome<ReportReturn>.Conflict($"该报告已于 {clock.ToLocal(earlier.ReturnedAt):yyyy-MM-dd HH:mm} 退回，不能重复退回");
        }

        if (task.CompletedOn is not null)
        {
            return Outcome<ReportReturn>.Invalid("Report", "任务已办结，其进展报告不再退回");
        }

        if (report.ClaimsCompletion)
        {
            return Outcome<ReportReturn>.Invalid("Report", "申报办结的报告请在办结审核中退回");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReportReturn.MaxReason)
        {
            return Outcome<ReportReturn>.Invalid("Reason", $"请写明退回理由（不超过{ReportReturn.MaxReason}字）");
        }

        var returned = new ReportReturn
        {
            UnitId = viewer.UnitId, TaskId = task.Id, ReportId = report.Id, SectionId = report.SectionId,
            ReturnedById = viewer.PersonId, ReturnedAt = clock.UtcNow, Reason = reason.Trim(),
        };
        db.ReportReturns.Add(returned);
        RecordChain.Append(db, viewer.UnitId, "report-return", returned, viewer.PersonId, returned.ReturnedAt);
        var plan = await plans.GetAsync(db, task.PlanId, ct);
        var period = new ReportPeriod(report.PeriodStart, report.PeriodEnd, report.PeriodEnd, report.PeriodEnd).Label(plan.Cadence);
        tasks.AddHistory(task, viewer, "report-return", $"退回{period}的进展报告（{clock.ToLocal(report.SubmittedAt):yyyy-MM-dd HH:mm} 报送），要求重报。理由：{returned.Reason}");
        try
        {
            await db.SaveChangesAsync(ct);
            // Saved first, so that the standing below no longer counts the returned report.
            await ReportStanding.RecomputeAsync(db, task, ct);
            task.UpdatedAt = returned.ReturnedAt;
            await lights.RecomputeAsync(task, plan, ct);
            var heads = await db.People.AsNoTracking()
                .Where(p => p.UnitId == viewer.UnitId && p.IsActive && (p.Id == report.AuthorId || (p.SectionId == report.SectionId && p.Role == Role.SectionHead)))
                .ToListAsync(ct);
            await notices.AddAsync(viewer.UnitId, heads.Where(p => p.Id != viewer.PersonId), new Notice
            {
                UnitId = viewer.UnitId, Kind = NoticeKind.ReportReturned, TaskId = task.Id,
                Title = $"【退回重报】{task.Title}",
                Body = $"{viewer.Name}退回了{period}的进展报告，请重新报送。退回理由：{returned.Reason}",
            }, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (TaskRowLock.LostRace(e))
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<ReportReturn>.Conflict("该报告刚由他人退回，不能重复退回");
        }

        return Outcome<ReportReturn>.Ok(returned);
    }
}
