using System.Text;
using Luoshi.Features.Calendar;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Reports;
using Luoshi.Features.Requests;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Demo;

/// <summary>
/// A task's reports through the report submitter, each on its period's due day, rising to the task's
/// current percent. A task that is done claims completion (with a file of evidence) the working day
/// before its due date, and the office accepts the claim the next working day.
/// </summary>
internal static class DemoReports
{
    public static void Schedule(PastServices past, DemoTimeline timeline, Viewer author, Viewer office, Plan plan, WorkTask task, int percent, bool done, DateOnly stopAt, WorkingCalendar calendar)
    {
        DateOnly? claimOn = done ? calendar.OnOrBefore(task.DueDate.AddDays(-1)) : null;
        var last = claimOn?.AddDays(-1) ?? stopAt;
        var reports = new List<(ReportPeriod Period, DateOnly On)>();
        for (var p = ReportPeriods.Containing(plan, task.StartDate, calendar); p.Due <= last && p.Start <= task.DueDate; p = ReportPeriods.After(plan, p, calendar))
        {
            reports.Add((p, p.Due));
        }

        if (claimOn is { } claim)
        {
            reports.Add((ReportPeriods.Containing(plan, claim, calendar), claim));
        }

        var taskId = task.Id;
        for (var k = 0; k < reports.Count; k++)
        {
            var share = (int)Math.Round(percent * (k + 1d) / reports.Count);
            var claims = claimOn is not null && k == reports.Count - 1;
            var input = new ReportInput
            {
                Progress = claims ? "各项工作已全部完成，材料已归档。" : $"按计划推进，累计完成约{share}%。", Percent = share,
                Problems = share < 50 ? "部分单位配合进度偏慢。" : null, NextSteps = claims ? null : "继续加强调度，确保按期完成。",
                ClaimsCompletion = claims, AchievedValue = task.TargetValue is { } t ? Math.Round(t * share / 100m, TargetUnits.IsCounted(task.TargetUnit) ? 0 : 1) : null, PeriodDate = reports[k].Period.Start,
            };
            timeline.At(past.At(reports[k].On, 9, 30), async () =>
            {
                input.EvidenceIds = claims ? [await UploadSummaryAsync(past, author)] : null;
                (await past.Reports.SubmitAsync(author, taskId, input)).Must("report progress");
            });
        }

        if (claimOn is { } claimed)
        {
            timeline.At(past.At(calendar.AddWorkingDays(claimed, 1), 10), async () =>
            {
                var request = await past.Db.CompletionRequests.Where(r => r.TaskId == taskId && r.Status == RequestStatus.Pending).Select(r => r.Id).SingleAsync();
                (await past.Requests.DecideCompletionAsync(office, request, true, null, default)).Must("accept a completion");
            });
        }
    }

    private static async Task<long> UploadSummaryAsync(PastServices past, Viewer author)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("工作完成情况说明：各项任务已按计划完成，相关材料已归档备查。"));
        return (await past.Evidence.UploadAsync(author, "完成情况说明.txt", content, content.Length)).Must("upload evidence").Id;
    }
}
