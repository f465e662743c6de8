using Luoshi.Features.Calendar;
using Luoshi.Features.Supervision;

namespace Luoshi.Tests.Supervision;

/// <summary>Which step a deadline calls for on a day, counted on the 2026 official calendar.</summary>
public class EscalationRulesTests
{
    private static readonly WorkingCalendar China = new(HolidayCsv.Shipped.Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = d.Name }));
    private static readonly EscalationPolicy ThreeAndThree = new(RemindDaysBefore: 3, SuperviseAfterDays: 3);

    private static StepKind[] On(string day, string deadline) =>
        [.. EscalationRules.Due(DateOnly.Parse(deadline), DateOnly.Parse(day), ThreeAndThree, China)];

    [Fact]
    public void TheReminderComesOnTheThirdWorkingDayBeforeTheDeadlineAndAWorkedSundayCounts()
    {
        // Due Tuesday 22 September; Sunday 20 September is worked (国庆节调休), so the three working
        // days before are 21, 20 and 18 September.
        Assert.Empty(On("2026-09-17", "2026-09-22"));
        Assert.Equal([StepKind.Remind], On("2026-09-18", "2026-09-22"));
        Assert.Equal([StepKind.Remind], On("2026-09-21", "2026-09-22"));
    }

    [Fact]
    public void The催办ComesOnTheDeadlineAndThe督办ThreeWorkingDaysLaterAcrossTheMidAutumnHoliday()
    {
        Assert.Equal([StepKind.Urge], On("2026-09-22", "2026-09-22"));
        Assert.Equal([StepKind.Urge], On("2026-09-24", "2026-09-22"));
        // 23 and 24 September are the first and second working days after; 25–27 are 中秋节.
        Assert.Equal([StepKind.Urge], On("2026-09-27", "2026-09-22"));
        Assert.Equal([StepKind.Urge, StepKind.Supervise], On("2026-09-28", "2026-09-22"));
    }

    [Fact]
    public void AWorkedSaturdayAfterNationalDayCountsTowardThe督办()
    {
        // Due Wednesday 30 September: 8 and 9 October are the first two working days after the
        // holiday, and Saturday 10 October is worked.
        Assert.Equal([StepKind.Urge], On("2026-10-09", "2026-09-30"));
        Assert.Equal([StepKind.Urge, StepKind.Supervise], On("2026-10-10", "2026-09-30"));
    }

    [Fact]
    public void NoReminderIsSentWhenThePlanSetsNone()
    {
        var none = new EscalationPolicy(0, 3);
        Assert.Empty(EscalationRules.Due(new DateOnly(2026, 9, 22), new DateOnly(2026, 9, 21), none, China));
    }
}
