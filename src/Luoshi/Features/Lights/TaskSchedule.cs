using Luoshi.Features.Calendar;
using Luoshi.Features.Plans;
using Luoshi.Features.Tasks;

namespace Luoshi.Features.Lights;

/// <summary>
/// Turns a task's dates, milestones, progress and reporting history into the dated facts the light
/// rules compare with today. Every deadline is counted on the working calendar: a date that falls
/// on a holiday is met on the next working day.
/// </summary>
internal static class TaskSchedule
{
    public static void Refresh(WorkTask task, Plan plan, WorkingCalendar calendar, LightOptions options)
    {
        task.DueBy = calendar.OnOrAfter(task.DueDate);
        task.NextMilestoneDueBy = task.Milestones
            .Where(m => m.CompletedOn is null)
            .Select(m => (DateOnly?)calendar.OnOrAfter(m.DueDate))
            .Min();
        task.ReportMissingFrom = ReportMissingFrom(task, plan, calendar);
        task.BehindFrom = BehindFrom(task.StartDate, task.DueBy, task.ProgressPercent, options.BehindMarginPercent, calendar);
    }

    /// <summary>
    /// The day after the on-time window of the first period that still lacks a lead-section report
    /// closes. Only the period after the last reported one counts: a skipped earlier period is not
    /// held against a section that reports again. None once the periods run past the due date.
    /// </summary>
    public static DateOnly? ReportMissingFrom(WorkTask task, Plan plan, WorkingCalendar calendar)
    {
        var next = task.LastReportedPeriodEnd is { } end
            ? ReportPeriods.Containing(plan, end.AddDays(1), calendar)
            : ReportPeriods.Containing(plan, task.StartDate, calendar);
        return next.Start > task.DueBy ? null : next.OnTimeUntil.AddDays(1);
    }

    /// <summary>
    /// The first day on which the share of working days elapsed since the start exceeds the reported
    /// progress by more than the margin; none when that can never happen before the due date.
    /// Elapsed share on day d = working days in [start, d] ÷ working days in [start, due].
    /// </summary>
    public static DateOnly? BehindFrom(DateOnly start, DateOnly dueBy, int progressPercent, int marginPercent, WorkingCalendar calendar)
    {
        var total = calendar.CountWorkingDays(start, dueBy);
        var allowed = progressPercent + marginPercent;
        if (total == 0 || allowed >= 100)
        {
            return null;
        }

        // Smallest k with k / total > allowed / 100.
        var k = (allowed * total / 100) + 1;
        return calendar.AddWorkingDays(calendar.OnOrAfter(start), k - 1);
    }
}
