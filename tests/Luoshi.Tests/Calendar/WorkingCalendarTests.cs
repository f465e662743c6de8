using Luoshi.Features.Calendar;

namespace Luoshi.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar China = new(HolidayCsv.Shipped.Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = d.Name }));

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-10-01")] // 国庆节, a Thursday
    [InlineData("2026-02-16")] // 春节, a Monday
    [InlineData("2026-05-05")] // 劳动节, a Tuesday
    [InlineData("2025-01-01")] // 元旦, a Wednesday
    [InlineData("2025-10-08")] // 国庆中秋, a Wednesday
    public void StatutoryHolidaysOnWeekdaysAreNotWorkingDays(string date) => Assert.False(China.IsWorkingDay(D(date)));

    [Theory]
    [InlineData("2026-01-04")] // Sunday worked for 元旦
    [InlineData("2026-02-14")] // Saturday worked for 春节
    [InlineData("2026-10-10")] // Saturday worked for 国庆
    [InlineData("2025-09-28")] // Sunday worked for 国庆
    [InlineData("2025-04-27")] // Sunday worked for 劳动节
    public void AdjustedWeekendDaysAreWorkingDays(string date) => Assert.True(China.IsWorkingDay(D(date)));

    [Fact]
    public void PlainWeekendsAreOffAndPlainWeekdaysAreWorking()
    {
        Assert.False(China.IsWorkingDay(D("2026-03-07")));
        Assert.True(China.IsWorkingDay(D("2026-03-09")));
    }

    // Counted by hand from the two State Council notices: 261 weekdays a year, less the weekday
    // holidays (18 in 2025, 19 in 2026), plus the weekend working days (5 and 6).
    [Theory]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void AYearHasTheOfficialNumberOfWorkingDays(int year, int expected) =>
        Assert.Equal(expected, China.CountWorkingDays(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)));

    [Fact]
    public void MilestoneDueOnAHolidayMovesToTheNextWorkingDay() =>
        Assert.Equal(D("2026-10-08"), China.OnOrAfter(D("2026-10-03")));

    [Fact]
    public void FiveWorkingDaysAfterTheEveOfSpringFestivalSkipTheWholeHoliday() =>
        // Fri 13 Feb → Sat 14 (worked), then 15–23 off, then Tue 24 … Thu 26.
        Assert.Equal(D("2026-02-26"), China.AddWorkingDays(D("2026-02-13"), 4));

    [Fact]
    public void ZeroWorkingDaysFromAWorkingDayIsThatDay() => Assert.Equal(D("2026-03-10"), China.AddWorkingDays(D("2026-03-10"), 0));

    [Fact]
    public void ImportRejectsTheWholeFileWithRowAndColumnOfEachProblem()
    {
        var (days, errors) = HolidayCsv.Parse(new StringReader("日期,类型,名称\n2027-01-01,休,元旦\n2027-13-01,休,坏日期\n2027-02-06,上班,坏类型\n2027-01-01,班,重复\n"));
        Assert.Single(days);
        Assert.Equal([(3, "日期"), (4, "类型"), (5, "日期")], errors.Select(e => (e.Row, e.Column)));
    }

    [Fact]
    public void TheShippedCalendarCoversBothYearsOfficially()
    {
        Assert.Contains(HolidayCsv.Shipped, d => d.Date == D("2025-01-26") && d.Kind == DayKind.Workday);
        Assert.Contains(HolidayCsv.Shipped, d => d.Date == D("2026-09-20") && d.Kind == DayKind.Workday);
        Assert.Equal(11, HolidayCsv.Shipped.Count(d => d.Kind == DayKind.Workday));
    }
}
