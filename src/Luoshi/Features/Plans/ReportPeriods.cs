using Luoshi.Features.Calendar;

namespace Luoshi.Features.Plans;

/// <summary>One reporting period of a plan: its days, when its report is due, and the last day a
/// report still counts as on time.</summary>
internal sealed record ReportPeriod(DateOnly Start, DateOnly End, DateOnly Due, DateOnly OnTimeUntil)
{
    public string Label(ReportCadence cadence) => cadence switch
    {
        ReportCadence.Weekly => $"{Start:yyyy-MM-dd}至{End:MM-dd}",
        ReportCadence.Quarterly => $"{Start.Year}年第{(Start.Month + 2) / 3}季度",
        _ => $"{Start.Year}年{Start.Month}月",
    };
}

/// <summary>
/// Reporting periods follow the plan's cadence on calendar boundaries (weeks from Monday, months,
/// quarters). A period's report is due on its last working day plus the plan's offset, and counts
/// as on time until the grace period after that has run out.
/// </summary>
internal static class ReportPeriods
{
    public static ReportPeriod Containing(Plan plan, DateOnly date, WorkingCalendar calendar)
    {
        var (start, end) = plan.Cadence switch
        {
            ReportCadence.Weekly => WeekOf(date),
            ReportCadence.Quarterly => QuarterOf(date),
            _ => (new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1)),
        };
        var due = calendar.AddWorkingDays(calendar.OnOrBefore(end), plan.ReportDueOffsetDays);
        return new ReportPeriod(start, end, due, calendar.AddWorkingDays(due, plan.ReportGraceDays));
    }

    public static ReportPeriod After(Plan plan, ReportPeriod period, WorkingCalendar calendar) =>
        Containing(plan, period.End.AddDays(1), calendar);

    /// <summary>
    /// The period a new report of the lead section is for by default: the previous period while its
    /// on-time window is still open and it has no report yet, otherwise the current one.
    /// </summary>
    public static ReportPeriod Next(Plan plan, DateOnly taskStart, DateOnly? lastReportedPeriodEnd, DateOnly today, WorkingCalendar calendar)
    {
        var current = Containing(plan, today, calendar);
        var previous = Containing(plan, current.Start.AddDays(-1), calendar);
        var previousReported = lastReportedPeriodEnd is { } end && end >= previous.End;
        return today <= previous.OnTimeUntil && !previousReported && previous.End >= taskStart ? previous : current;
    }

    private static (DateOnly, DateOnly) WeekOf(DateOnly date)
    {
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        return (monday, monday.AddDays(6));
    }

    private static (DateOnly, DateOnly) QuarterOf(DateOnly date)
    {
        var first = new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1);
        return (first, first.AddMonths(3).AddDays(-1));
    }
}
