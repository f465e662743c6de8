using Luoshi.Features.Calendar;
using Luoshi.Features.Plans;
using Luoshi.Features.Reports;

namespace Luoshi.Tests.Reports;

public class ReportPeriodTests
{
    private static readonly WorkingCalendar China = new(HolidayCsv.Shipped.Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = d.Name }));
    private static readonly Plan Monthly = new() { Title = "计划", Cadence = ReportCadence.Monthly, ReportGraceDays = 3 };

    [Fact]
    public void AMonthsReportIsDueOnItsLastWorkingDayAndOnTimeThroughTheGracePeriod()
    {
        var january = ReportPeriods.Containing(Monthly, new DateOnly(2026, 1, 20), China);
        Assert.Equal(new DateOnly(2026, 1, 30), january.Due); // 31 January is a Saturday
        Assert.Equal(new DateOnly(2026, 2, 4), january.OnTimeUntil);
    }

    [Fact]
    public void QuarterAndWeekPeriodsFollowTheCalendar()
    {
        Assert.Equal(new DateOnly(2026, 8, 1), ReportPeriods.Containing(Monthly, new DateOnly(2026, 8, 8), China).Start);
        var quarterly = new Plan { Title = "季度", Cadence = ReportCadence.Quarterly };
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)), (ReportPeriods.Containing(quarterly, new DateOnly(2026, 8, 8), China).Start, ReportPeriods.Containing(quarterly, new DateOnly(2026, 8, 8), China).End));
        var weekly = new Plan { Title = "每周", Cadence = ReportCadence.Weekly };
        Assert.Equal(new DateOnly(2026, 5, 11), ReportPeriods.Containing(weekly, new DateOnly(2026, 5, 17), China).Start);
    }

    [Fact]
    public void EarlyInAMonthTheDefaultReportIsForTheMonthBeforeUntilItIsReported()
    {
        var start = new DateOnly(2026, 1, 5);
        var may6 = new DateOnly(2026, 5, 6);
        Assert.Equal(new DateOnly(2026, 4, 1), ReportPeriods.Next(Monthly, start, new DateOnly(2026, 3, 31), may6, China).Start);
        Assert.Equal(new DateOnly(2026, 5, 1), ReportPeriods.Next(Monthly, start, new DateOnly(2026, 4, 30), may6, China).Start);
        Assert.Equal(new DateOnly(2026, 5, 1), ReportPeriods.Next(Monthly, start, new DateOnly(2026, 3, 31), new DateOnly(2026, 5, 11), China).Start);
    }
}
